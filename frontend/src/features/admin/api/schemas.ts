import * as z from 'zod/mini';

import {
  paymentStatusValues,
  refundStatusValues,
  statusChangeSourceValues,
  type AdminPayment,
  type AdminPaymentPage,
  type PaymentStats,
  type Refund,
} from '@/types/api-types';

import { roleValues, type AdminSession, type AdminUser, type ConsolePaymentDetail, type DailyStats } from './types';

// Runtime checks of the console API's answers (CONSOLE-API.md, openapi.yaml); `satisfies` ties each to its type.

const status = z.enum(paymentStatusValues);
const role = z.enum(roleValues);

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
};

export const paymentSchema = z.object(paymentShape) satisfies z.ZodMiniType<AdminPayment>;

export const paymentPageSchema = z.object({
  items: z.array(paymentSchema),
  page: z.int(),
  size: z.int(),
  totalItems: z.int(),
  totalPages: z.int(),
}) satisfies z.ZodMiniType<AdminPaymentPage>;

export const refundSchema = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  amount: z.int(),
  status: z.enum(refundStatusValues),
  reason: z.nullable(z.string()),
  createdAt: z.string(),
}) satisfies z.ZodMiniType<Refund>;

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
      // Optional until every server sends it (history written before actors were recorded has none).
      actor: z.pipe(
        z.optional(z.nullable(z.string())),
        z.transform((a) => a ?? null),
      ),
    }),
  ),
  refunds: z.array(refundSchema),
}) satisfies z.ZodMiniType<ConsolePaymentDetail>;

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
    z.object({ currency: z.string(), grossAmount: z.int(), refundedAmount: z.int(), netAmount: z.int() }),
  ),
}) satisfies z.ZodMiniType<PaymentStats>;

export const dailyStatsSchema = z.object({
  days: z.array(z.object({ date: z.string(), currency: z.string(), net: z.int(), succeeded: count, failed: count })),
  declineReasons: z.array(z.object({ reason: z.string(), count })),
}) satisfies z.ZodMiniType<DailyStats>;
