import * as z from 'zod/mini';

import {
  currencyInfoExponentValues,
  paymentConfigCheckoutValues,
  paymentConfigModeValues,
  paymentStatusValues,
  sandboxConfirmResponseOutcomeValues,
  type CreatePaymentResponse,
  type PaymentConfig,
  type PaymentStatusResponse,
  type SandboxConfirmResponse,
} from '@/types/api-types';

// Runtime checks of the response bodies described in openapi.yaml. Enum values come from the
// generated code; `satisfies` ties each schema to the generated type, so a contract change that
// is not reflected here fails `tsc`.
// zod/mini keeps this tree-shakable (the classic `z` namespace would add ~30 kB gzipped).

const paymentStatusSchema = z.enum(paymentStatusValues);

export const paymentConfigSchema = z.object({
  mode: z.enum(paymentConfigModeValues),
  publishableKey: z.nullable(z.string()),
  currencies: z
    .array(
      z.object({
        code: z.string(),
        exponent: z.literal(currencyInfoExponentValues),
        minimumAmount: z.int(),
        maximumAmount: z.int(),
      }),
    )
    .check(z.minLength(1)),
  serviceTypes: z.array(z.object({ id: z.string(), label: z.string() })).check(z.minLength(1)),
  pollIntervalMs: z.int().check(z.positive()),
  testCards: z.array(z.object({ number: z.string(), description: z.string() })),
  checkout: z.enum(paymentConfigCheckoutValues),
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
  outcome: z.enum(sandboxConfirmResponseOutcomeValues),
  declineCode: z.nullable(z.string()),
  message: z.nullable(z.string()),
}) satisfies z.ZodMiniType<SandboxConfirmResponse>;
