import { describe, expect, it } from 'vitest';

import { toDailySeries } from './daily-series';

describe('toDailySeries', () => {
  it('aligns the days, gives each currency a line in major units and adds up outcomes across currencies', () => {
    const series = toDailySeries([
      { date: '2026-11-02', currency: 'USD', net: 1250, succeeded: 1, failed: 2 },
      { date: '2026-11-01', currency: 'JPY', net: 1200, succeeded: 3, failed: 0 },
      { date: '2026-11-02', currency: 'JPY', net: 500, succeeded: 1, failed: 1 },
    ]);

    expect(series.dates).toEqual(['2026-11-01', '2026-11-02']);
    expect(series.net).toEqual([
      { currency: 'JPY', values: [1200, 500] },
      { currency: 'USD', values: [0, 12.5] },
    ]);
    expect(series.succeeded).toEqual([3, 2]);
    expect(series.failed).toEqual([0, 3]);
  });
});
