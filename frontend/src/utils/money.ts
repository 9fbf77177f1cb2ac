/**
 * Money helpers. Amounts travel as integers in the currency's minor unit; `exponent` is the
 * number of decimals of that unit (USD 2, JPY 0, KWD 3), as given by the payment config.
 * Parsing works on the decimal string, never through floating point.
 */

type ParseAmountResult =
  { ok: true; minor: number } | { ok: false; reason: 'empty' | 'format' | 'precision' | 'too-large' };

const AMOUNT_PATTERN = /^(\d*)(?:\.(\d*))?$/;
const MAX_INTEGER_DIGITS = 13; // keeps minor units far inside Number.MAX_SAFE_INTEGER

/** "12.50" with exponent 2 → 1250; "1200" with exponent 0 → 1200; "1.5" with exponent 3 → 1500. */
export function parseMajorAmount(input: string, exponent: number): ParseAmountResult {
  const text = input.trim().replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return { ok: false, reason: 'format' };
  if (fraction.length > exponent) return { ok: false, reason: 'precision' };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'too-large' };
  const minor = Number(wholeDigits || '0') * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return { ok: true, minor };
}

/** 1250 with exponent 2 → "12.50" (plain, no grouping; handy for input fields). */
export function minorToMajorString(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The currency's minor-unit digits as Intl knows them (ISO 4217: USD 2, JPY 0, KWD 3); 2 when unknown. */
export function intlExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Localised currency text, e.g. 1250 USD → "$12.50", 1200 JPY → "¥1,200", 1500 KWD → "KWD 1.500". */
export function formatMinorAmount(minor: number, currency: string, exponent: number, locale?: string): string {
  const key = `${locale ?? ''}|${currency}|${exponent}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      });
    } catch {
      formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    }
    formatters.set(key, formatter);
  }
  // Format the exact decimal string so large amounts never pick up floating-point noise.
  const major = minorToMajorString(minor, exponent);
  return formatter.format(major as unknown as number);
}

/** An example amount for the hint under the Amount field. */
export function exampleAmount(exponent: number): string {
  return exponent === 0 ? '1200' : exponent === 3 ? '12.500' : '12.50';
}
