import { describe, expect, it } from 'vitest';

import { sandboxConfig } from '@/testing/mock-api';

import { createPaymentInputSchema, type PaymentFormValues } from './create-payment-intent';

const schema = createPaymentInputSchema(sandboxConfig);
const valid: PaymentFormValues = {
  name: 'Ada',
  email: 'ada@example.com',
  serviceType: 'pon-ftth',
  amount: '12.50',
  currency: 'USD',
};

const messages = (values: Partial<PaymentFormValues>) => {
  const result = schema.safeParse({ ...valid, ...values });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('createPaymentInputSchema', () => {
  it('builds the request with the amount in minor units', () => {
    expect(schema.parse(valid)).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      serviceType: 'pon-ftth',
      amount: 1250,
      currency: 'USD',
    });
    expect(schema.parse({ ...valid, amount: '1200', currency: 'JPY' }).amount).toBe(1200);
    expect(schema.parse({ ...valid, amount: '1.5', currency: 'KWD' }).amount).toBe(1500);
  });

  it('mirrors the server rules with readable messages', () => {
    expect(messages({ name: '  ' })).toEqual({ name: 'Enter your name.' });
    expect(messages({ name: 'x'.repeat(101) })).toEqual({ name: 'Name must be 100 characters or fewer.' });
    expect(messages({ name: '😀'.repeat(60) })).toEqual({});
    expect(messages({ name: '😀'.repeat(101) })).toEqual({ name: 'Name must be 100 characters or fewer.' });
    expect(messages({ email: 'ada@' })).toEqual({ email: 'Enter a valid email address, like name@example.com.' });
    expect(messages({ serviceType: '' })).toEqual({ serviceType: 'Choose a service.' });
    expect(messages({ amount: '' })).toEqual({ amount: 'Enter an amount.' });
    expect(messages({ amount: '0.49' })).toEqual({ amount: 'The minimum amount is $0.50.' });
    expect(messages({ amount: '1000000' })).toEqual({ amount: 'The maximum amount is $999,999.99.' });
    expect(messages({ amount: '12.505' })).toEqual({ amount: 'USD amounts can have at most 2 decimal places.' });
    expect(messages({ amount: '12.5', currency: 'JPY' })).toEqual({ amount: 'JPY amounts must be whole numbers.' });
    expect(messages({ amount: '1.0001', currency: 'KWD' })).toEqual({
      amount: 'KWD amounts can have at most 3 decimal places.',
    });
    expect(messages({ amount: '0.09', currency: 'KWD' })).toEqual({ amount: 'The minimum amount is KWD\u00a00.100.' });
  });
});
