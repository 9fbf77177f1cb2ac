import type { PaymentConfig } from '@/types/api-types';
import { formatMinorAmount, intlExponent } from '@/utils/money';

/** Minor-unit exponent of `code` from the config (falls back to Intl's default, then 2). */
function currencyExponent(config: PaymentConfig, code: string): number {
  const known = config.currencies.find((c) => c.code === code);
  return known ? known.exponent : intlExponent(code);
}

export function formatAmount(config: PaymentConfig, minor: number, currency: string): string {
  return formatMinorAmount(minor, currency, currencyExponent(config, currency));
}

export function serviceLabel(config: PaymentConfig, id: string): string {
  return config.serviceTypes.find((s) => s.id === id)?.label ?? id;
}
