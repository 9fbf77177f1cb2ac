import * as z from 'zod/mini';

import {
  paymentStatusValues,
  refundStatusValues,
  statusChangeSourceValues,
  type AdminPayment,
  type AdminPaymentDetail,
  type AdminPaymentPage,
  type PaymentStats,
  type Refund,
} from '@/types/api-types';

import {
  disputeStatusValues,
  eventOutcomeValues,
  replayResultOutcomeValues,
  roleValues,
  type AdminSession,
  type AdminUser,
  type BackfillResult,
  type DailyStats,
  type Dispute,
  type DisputePage,
  type GatewayEvent,
  type GatewayEventPage,
  type ReplayResult,
} from './types';

// Runtime checks of the console API's answers (CONSOLE-API.md, openapi.yaml); `satisfies` ties each to its type.

const status = z.enum(paymentStatusValues);
const role = z.enum(roleValues);

const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), page: z.int(), size: z.int(), totalItems: z.int(), totalPages: z.int() });

export const sessionSchema = z.object({ username: z.string(), role }) satisfies z.ZodMiniType<AdminSession>;

export const userSchema = z.object({
  username: z.string(),
  role,
  enabled: z.boolean(),
  createdAt: z.string(),
}) satisfies z.ZodMiniType<AdminUser>;

export const usersSchema = z.array(userSchema);

const paymentShape = {
  paymentId: z.string(),
  name: z.string(),
  email: z.string(),
  serviceType: z.string(),
  amount: z.int(),
  currency: z.string(),
  status,
  gateway: z.string(),
  gatewayReference: z.nullable(z.string()),
  transactionId: z.nullable(z.string()),
  failureCode: z.nullable(z.string()),
  failureMessage: z.nullable(z.string()),
  refundedAmount: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  needsAttention: z.boolean(),
  attentionReason: z.nullable(z.string()),
};

export const paymentSchema = z.object(paymentShape) satisfies z.ZodMiniType<AdminPayment>;

export const paymentPageSchema = pageOf(paymentSchema) satisfies z.ZodMiniType<AdminPaymentPage>;

export const refundSchema = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  amount: z.int(),
  status: z.enum(refundStatusValues),
  reason: z.nullable(z.string()),
  createdAt: z.string(),
  failureReason: z.nullable(z.string()),
}) satisfies z.ZodMiniType<Refund>;

export const disputeSchema = z.object({
  disputeId: z.string(),
  paymentId: z.string(),
  amount: z.int(),
  currency: z.string(),
  reason: z.nullable(z.string()),
  status: z.enum(disputeStatusValues),
  evidenceDueBy: z.nullable(z.string()),
  fundsWithdrawn: z.int(),
  fundsReinstated: z.int(),
  reminderSent: z.boolean(),
  evidenceSubmittedBy: z.nullable(z.string()),
  closedBy: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodMiniType<Dispute>;

export const disputePageSchema = pageOf(disputeSchema) satisfies z.ZodMiniType<DisputePage>;

export const paymentDetailSchema = z.object({
  ...paymentShape,
  history: z.array(
    z.object({
      from: z.nullable(status),
      to: status,
      source: z.enum(statusChangeSourceValues),
      gatewayEventId: z.nullable(z.string()),
      applied: z.boolean(),
      detail: z.nullable(z.string()),
      occurredAt: z.string(),
      actor: z.nullable(z.string()),
    }),
  ),
  refunds: z.array(refundSchema),
  disputes: z.array(disputeSchema),
}) satisfies z.ZodMiniType<AdminPaymentDetail>;

const count = z.int();

export const statsSchema = z.object({
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  countsByStatus: z.object({
    pending: count,
    requires_action: count,
    processing: count,
    succeeded: count,
    failed: count,
    canceled: count,
    partially_refunded: count,
    refunded: count,
  }),
  revenue: z.array(
    z.object({
      currency: z.string(),
      grossAmount: z.int(),
      refundedAmount: z.int(),
      disputedAmount: z.int(),
      netAmount: z.int(),
    }),
  ),
}) satisfies z.ZodMiniType<PaymentStats>;

export const dailyStatsSchema = z.object({
  days: z.array(z.object({ date: z.string(), currency: z.string(), net: z.int(), succeeded: count, failed: count })),
  declineReasons: z.array(z.object({ reason: z.string(), count })),
}) satisfies z.ZodMiniType<DailyStats>;

const optionalNullable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

export const gatewayEventSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  apiVersion: optionalNullable(z.string()),
  created: optionalNullable(z.string()),
  receivedAt: z.string(),
  paymentId: optionalNullable(z.string()),
  outcome: optionalNullable(z.enum(eventOutcomeValues)),
  failureReason: optionalNullable(z.string()),
  duplicates: z.int(),
  payloadAvailable: z.boolean(),
  payload: optionalNullable(z.string()),
}) satisfies z.ZodMiniType<GatewayEvent>;

export const gatewayEventPageSchema = pageOf(gatewayEventSchema) satisfies z.ZodMiniType<GatewayEventPage>;

export const replayResultSchema = z.object({
  eventId: z.string(),
  outcome: z.enum(replayResultOutcomeValues),
}) satisfies z.ZodMiniType<ReplayResult>;

export const backfillResultSchema = z.object({
  seen: count,
  applied: count,
  duplicate: count,
  notApplied: count,
  ignored: count,
  failed: count,
}) satisfies z.ZodMiniType<BackfillResult>;
