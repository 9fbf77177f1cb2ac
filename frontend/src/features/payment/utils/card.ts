/** Card-input helpers for the sandbox card form. */

export const digitsOnly = (value: string) => value.replace(/\D/g, '');

/** "4242424242424242" → "4242 4242 4242 4242" (max 19 digits). */
export function formatCardNumber(value: string): string {
  return digitsOnly(value)
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Where the caret belongs in the formatted value, given how many digits precede it. */
export function caretForDigitCount(formatted: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted.charAt(i))) seen++;
    if (seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}

/** "1234" → "12/34", "4" → "04"; the slash appears only once a year digit is typed, so backspace behaves. */
export function formatExpiry(value: string): string {
  const d = digitsOnly(value).slice(0, 4);
  if (d.length <= 2) return d.length === 1 && d > '1' ? `0${d}` : d;
  return `${d.slice(0, 2)}/${d.slice(2)}`;
}

export function luhnValid(number: string): boolean {
  const d = digitsOnly(number);
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d.charAt(d.length - 1 - i));
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return d.length > 0 && sum % 10 === 0;
}

export type CardFields = { cardNumber: string; expiry: string; cvc: string };
export type CardErrors = Partial<Record<keyof CardFields, string>>;

export function validateCard(fields: CardFields, now: Date = new Date()): CardErrors {
  const errors: CardErrors = {};
  const number = digitsOnly(fields.cardNumber);
  if (number.length === 0) errors.cardNumber = 'Enter your card number.';
  else if (number.length < 12 || number.length > 19 || !luhnValid(number))
    errors.cardNumber = 'Enter a valid card number.';

  const exp = /^(\d{2})\/(\d{2})$/.exec(fields.expiry.trim());
  const month = exp ? Number(exp[1]) : 0;
  if (fields.expiry.trim() === '') errors.expiry = 'Enter the expiry date.';
  else if (!exp || month < 1 || month > 12) errors.expiry = 'Enter the expiry date as MM/YY.';
  else {
    const year = 2000 + Number(exp[2]);
    const endOfMonth = new Date(year, month, 1); // first day of the following month
    if (endOfMonth <= now) errors.expiry = 'This card has expired.';
  }

  if (fields.cvc.trim() === '') errors.cvc = 'Enter the security code.';
  else if (!/^\d{3,4}$/.test(fields.cvc.trim())) errors.cvc = 'The security code is 3 or 4 digits.';
  return errors;
}

/** An expiry date safely in the future, used when a test card is picked. */
export function testCardExpiry(now: Date = new Date()): string {
  return `12/${String((now.getFullYear() + 5) % 100).padStart(2, '0')}`;
}
