import { describe, expect, it } from 'vitest';

import { caretForDigitCount, formatCardNumber, formatExpiry, luhnValid, validateCard } from './card';

describe('card helpers', () => {
  it('groups card numbers in fours as typed', () => {
    expect(formatCardNumber('4242')).toBe('4242');
    expect(formatCardNumber('42424')).toBe('4242 4');
    expect(formatCardNumber('4242 4242-4242x4242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('4'.repeat(25))).toHaveLength(19 + 4);
  });

  it('keeps the caret after the same digit', () => {
    expect(caretForDigitCount('4242 4242', 5)).toBe(6);
    expect(caretForDigitCount('4242 4242', 4)).toBe(4);
  });

  it('formats the expiry as MM/YY', () => {
    expect(formatExpiry('1')).toBe('1');
    expect(formatExpiry('4')).toBe('04');
    expect(formatExpiry('1234')).toBe('12/34');
    expect(formatExpiry('12/3')).toBe('12/3');
  });

  it('checks Luhn and expiry', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    const now = new Date(2026, 1, 7);
    expect(validateCard({ cardNumber: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }, now)).toEqual({});
    expect(validateCard({ cardNumber: '4242', expiry: '13/30', cvc: '1' }, now)).toEqual({
      cardNumber: 'Enter a valid card number.',
      expiry: 'Enter the expiry date as MM/YY.',
      cvc: 'The security code is 3 or 4 digits.',
    });
    expect(validateCard({ cardNumber: '4242424242424242', expiry: '01/26', cvc: '123' }, now).expiry).toBe(
      'This card has expired.',
    );
  });
});
