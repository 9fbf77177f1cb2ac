export const paths = {
  home: '/',
  newPayment: '/payment',
  payment: (paymentId: string) => `/payment/${encodeURIComponent(paymentId)}`,
} as const;
