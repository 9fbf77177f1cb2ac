import { intlExponent } from '@/utils/money';

import type { DailyStats } from '../api/types';

export type DailySeries = {
  /** Days as yyyy-mm-dd, ascending. */
  dates: string[];
  /** Net revenue per day in major units, one line per currency (0 on days without payments). */
  net: { currency: string; values: number[] }[];
  succeeded: number[];
  failed: number[];
};

/** Turns GET /stats/daily's rows (one per day and currency) into aligned columns for the charts. */
export function toDailySeries(days: DailyStats['days']): DailySeries {
  const dates = [...new Set(days.map((d) => d.date))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const currencies = [...new Set(days.map((d) => d.currency))].sort();
  const net = currencies.map((currency) => ({ currency, values: dates.map(() => 0) }));
  const succeeded = dates.map(() => 0);
  const failed = dates.map(() => 0);
  for (const day of days) {
    const i = index.get(day.date) ?? 0;
    const line = net[currencies.indexOf(day.currency)];
    if (line) line.values[i] = (line.values[i] ?? 0) + day.net / 10 ** intlExponent(day.currency);
    succeeded[i] = (succeeded[i] ?? 0) + day.succeeded;
    failed[i] = (failed[i] ?? 0) + day.failed;
  }
  return { dates, net, succeeded, failed };
}
