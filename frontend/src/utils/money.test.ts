import { describe, expect, it } from 'vitest';

import { formatMinorAmount, minorToMajorString, parseMajorAmount } from './money';

describe('parseMajorAmount', () => {
  it.each([
    ['12.50', 2, 1250],
    ['12.5', 2, 1250],
    ['12', 2, 1200],
    ['0.50', 2, 50],
    ['.5', 2, 50],
    ['999999.99', 2, 99999999],
    ['1200', 0, 1200],
    ['1200.', 0, 1200],
    ['1.5', 3, 1500],
    ['1.500', 3, 1500],
    ['0.001', 3, 1],
    [' 007.25 ', 2, 725],
  ])('converts %s with exponent %i to %i minor units', (input, exponent, minor) => {
    expect(parseMajorAmount(input, exponent)).toEqual({ ok: true, minor });
  });

  it('does not suffer from floating point (0.29 USD is 29, not 28.999…)', () => {
    expect(parseMajorAmount('0.29', 2)).toEqual({ ok: true, minor: 29 });
    expect(parseMajorAmount('1.005', 3)).toEqual({ ok: true, minor: 1005 });
  });

  it.each([
    ['12.505', 2],
    ['1200.5', 0],
    ['1.5001', 3],
  ])('rejects %s: more decimals than exponent %i', (input, exponent) => {
    expect(parseMajorAmount(input, exponent)).toEqual({ ok: false, reason: 'precision' });
  });

  it.each(['abc', '12,50', '-5', '1e3', '.', '1.2.3', '$12'])('rejects %s as not a number', (input) => {
    expect(parseMajorAmount(input, 2)).toEqual({ ok: false, reason: 'format' });
  });

  it('reports empty input and absurdly large input', () => {
    expect(parseMajorAmount('  ', 2)).toEqual({ ok: false, reason: 'empty' });
    expect(parseMajorAmount('99999999999999999', 2)).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('formatMinorAmount', () => {
  it('formats with the currency exponent', () => {
    expect(formatMinorAmount(1250, 'USD', 2, 'en-US')).toBe('$12.50');
    expect(formatMinorAmount(1200, 'JPY', 0, 'en-US')).toBe('¥1,200');
    expect(formatMinorAmount(1500, 'KWD', 3, 'en-US')).toBe('KWD\u00a01.500');
    expect(formatMinorAmount(99999999, 'USD', 2, 'en-US')).toBe('$999,999.99');
  });

  it('prints plain major strings', () => {
    expect(minorToMajorString(5, 2)).toBe('0.05');
    expect(minorToMajorString(1500, 3)).toBe('1.500');
    expect(minorToMajorString(1200, 0)).toBe('1200');
  });
});
