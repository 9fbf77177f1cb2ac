import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';

import { apiRequest } from '@/lib/api-client';
import type { CreatePaymentRequest, CreatePaymentResponse, PaymentConfig } from '@/types/api-types';
import { formatMinorAmount, parseMajorAmount } from '@/utils/money';

import { createPaymentResponseSchema } from './schemas';

/** What the form holds: strings, amount in major units. */
export type PaymentFormValues = {
  name: string;
  email: string;
  serviceType: string;
  amount: string;
  currency: string;
};

export type PaymentFormField = keyof PaymentFormValues;

export const paymentFormFields: readonly PaymentFormField[] = ['name', 'email', 'serviceType', 'amount', 'currency'];

/**
 * Validates the form the same way the server validates `CreatePaymentRequest` and turns it into
 * that request (amount converted to minor units with the currency's exponent).
 */
export const createPaymentInputSchema = (config: PaymentConfig) => {
  const currencyCodes = config.currencies.map((c) => c.code);
  const serviceIds = config.serviceTypes.map((s) => s.id);

  const base = z.object({
    name: z.string().check(
      z.trim(),
      z.minLength(1, 'Enter your name.'),
      // Characters as the server counts them (code points): an emoji is one, not two UTF-16 units.
      z.refine((name) => [...name].length <= 100, 'Name must be 100 characters or fewer.'),
    ),
    email: z.pipe(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Enter your email address.'),
          z.maxLength(254, 'Email must be 254 characters or fewer.'),
        ),
      z.email('Enter a valid email address, like name@example.com.'),
    ),
    serviceType: z.string().check(z.refine((v) => serviceIds.includes(v), 'Choose a service.')),
    currency: z.string().check(z.refine((v) => currencyCodes.includes(v), 'Choose a currency.')),
    amount: z.string(),
  });

  return z.pipe(
    base.check(
      z.superRefine(
        (values, ctx) => {
          const message = amountProblem(config, values.amount, values.currency);
          if (message) ctx.addIssue({ code: 'custom', path: ['amount'], message, input: values.amount });
        },
        // Check the amount even when other fields are invalid, so every message shows at once.
        { when: (payload) => hasStringFields(payload.value, 'amount', 'currency') },
      ),
    ),
    z.transform((values: z.output<typeof base>): CreatePaymentRequest => ({
      name: values.name,
      email: values.email,
      serviceType: values.serviceType,
      amount: toMinor(config, values.amount, values.currency),
      currency: values.currency,
    })),
  );
};

function hasStringFields(value: unknown, ...keys: string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string')
  );
}

function toMinor(config: PaymentConfig, amount: string, currencyCode: string): number {
  const currency = config.currencies.find((c) => c.code === currencyCode);
  const parsed = currency ? parseMajorAmount(amount, currency.exponent) : null;
  return parsed?.ok ? parsed.minor : Number.NaN; // unreachable: validated before the transform
}

/** The message for an invalid amount in the given currency, or null when it is fine. */
function amountProblem(config: PaymentConfig, amount: string, currencyCode: string): string | null {
  const currency = config.currencies.find((c) => c.code === currencyCode);
  if (!currency) return null; // reported on the currency field
  const { code, exponent, minimumAmount, maximumAmount } = currency;
  const parsed = parseMajorAmount(amount, exponent);
  if (!parsed.ok) {
    switch (parsed.reason) {
      case 'empty':
        return 'Enter an amount.';
      case 'precision':
        return exponent === 0
          ? `${code} amounts must be whole numbers.`
          : `${code} amounts can have at most ${exponent} decimal places.`;
      case 'too-large':
        return `The maximum amount is ${formatMinorAmount(maximumAmount, code, exponent)}.`;
      default:
        return `Enter the amount as a number, like ${exponent === 0 ? '1200' : '12.50'}.`;
    }
  }
  if (parsed.minor < minimumAmount) return `The minimum amount is ${formatMinorAmount(minimumAmount, code, exponent)}.`;
  if (parsed.minor > maximumAmount) return `The maximum amount is ${formatMinorAmount(maximumAmount, code, exponent)}.`;
  return null;
}

export type CreatePaymentIntentInput = {
  data: CreatePaymentRequest;
  idempotencyKey: string;
};

export const createPaymentIntent = ({
  data,
  idempotencyKey,
}: CreatePaymentIntentInput): Promise<CreatePaymentResponse> =>
  apiRequest('/api/payment/stripe/create-intent', createPaymentResponseSchema, {
    method: 'POST',
    body: data,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const useCreatePaymentIntent = () => useMutation({ mutationFn: createPaymentIntent });
