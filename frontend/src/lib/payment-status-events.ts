/** The server-sent stream of one payment's status: the current one, then one `status` event per stored change. */
export const paymentStatusEventsUrl = (paymentId: string) =>
  `/api/payment/status/${encodeURIComponent(paymentId)}/events`;
