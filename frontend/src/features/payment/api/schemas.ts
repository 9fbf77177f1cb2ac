import * as z from 'zod/mini';

import type {
  CreatePaymentResponse,
  PaymentConfig,
  PaymentStatus,
  PaymentStatusResponse,
  SandboxConfirmResponse,
} from '@/types/api-types';

// Runtime checks of the response bodies described in openapi.yaml. `satisfies` ties each schema
// to the generated type, so a contract change that is not reflected here fails `tsc`.
// zod/mini keeps this tree-shakable (the classic `z` namespace would add ~30 kB gzipped).

export const paymentStatusSchema = z.enum([
  'pending',
  'requires_action',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'partially_refunded',
  'refunded',
]) satisfies z.ZodMiniType<PaymentStatus>;

export const paymentConfigSchema = z.object({
  mode: z.enum(['stripe', 'sandbox']),
  publishableKey: z.nullable(z.string()),
  currencies: z
    .array(
      z.object({
        code: z.string(),
        exponent: z.union([z.literal(0), z.literal(2), z.literal(3)]),
        minimumAmount: z.int(),
        maximumAmount: z.int(),
      }),
    )
    .check(z.minLength(1)),
  serviceTypes: z.array(z.object({ id: z.string(), label: z.string() })).check(z.minLength(1)),
  pollIntervalMs: z.int().check(z.positive()),
  testCards: z.array(z.object({ number: z.string(), description: z.string() })),
}) satisfies z.ZodMiniType<PaymentConfig>;

export const createPaymentResponseSchema = z.object({
  paymentId: z.string(),
  clientSecret: z.string(),
  status: paymentStatusSchema,
  amount: z.int(),
  currency: z.string(),
}) satisfies z.ZodMiniType<CreatePaymentResponse>;

export const paymentStatusResponseSchema = z.object({
  paymentId: z.string(),
  status: paymentStatusSchema,
  amount: z.int(),
  currency: z.string(),
  serviceType: z.string(),
  transactionId: z.nullable(z.string()),
  failureMessage: z.nullable(z.string()),
  refundedAmount: z.int(),
  updatedAt: z.string(),
}) satisfies z.ZodMiniType<PaymentStatusResponse>;

export const sandboxConfirmResponseSchema = z.object({
  paymentId: z.string(),
  outcome: z.enum(['processing', 'requires_action', 'declined']),
  declineCode: z.nullable(z.string()),
  message: z.nullable(z.string()),
}) satisfies z.ZodMiniType<SandboxConfirmResponse>;
