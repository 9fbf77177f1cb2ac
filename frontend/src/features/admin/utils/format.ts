import { ApiError, describeError } from '@/lib/api-client';
import type { PaymentStatus } from '@/types/api-types';
import { formatMinorAmount, intlExponent } from '@/utils/money';

import type { DisputeStatus, EventOutcome } from '../api/types';

/** 1250 USD → "$12.50", 1200 JPY → "¥1,200" (the console has no payment config, so Intl gives the exponent). */
export const formatMoney = (minor: number, currency: string) =>
  formatMinorAmount(minor, currency, intlExponent(currency));

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A server timestamp in the reader's time zone (the ISO text goes in `<time dateTime>`). */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** Typed as a full Record, so a status added to openapi.yaml does not compile until it has a label. */
export const STATUS_LABEL = {
  pending: 'Pending',
  requires_action: 'Requires action',
  processing: 'Processing',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
} as const satisfies Record<PaymentStatus, string>;

export const DISPUTE_STATUS_LABEL = {
  warning_needs_response: 'Inquiry: needs response',
  warning_under_review: 'Inquiry: under review',
  warning_closed: 'Inquiry closed',
  needs_response: 'Needs response',
  under_review: 'Under review',
  won: 'Won',
  lost: 'Lost',
} as const satisfies Record<DisputeStatus, string>;

export const EVENT_OUTCOME_LABEL = {
  applied: 'Applied',
  not_applied: 'Not applied',
  ignored: 'Ignored',
  unknown_payment: 'Unknown payment',
  failed: 'Failed',
} as const satisfies Record<EventOutcome, string>;

/** What the server said (problem+json detail or title), for staff; network errors in plain words. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fieldErrors).map(([field, message]) => `${field} ${message}`);
    const text = error.problem?.detail ?? error.problem?.title ?? `The server answered ${error.status}.`;
    return fields.length ? `${text} (${fields.join('; ')})` : text;
  }
  return describeError(error);
}
