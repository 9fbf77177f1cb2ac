import { describe, expect, it } from 'vitest';

import { dateRangeToApi, filtersToApi, filtersToSearch, parseFilters } from './filters';

describe('payment filters', () => {
  it('read from the console URL and write back the same URL, leaving defaults out', () => {
    const url =
      'status=failed&status=refunded&q=ada&currency=EUR&from=2026-11-01&to=2026-11-30&sort=createdAt%2Casc&page=2';
    const filters = parseFilters(new URLSearchParams(url));

    expect(filters).toEqual({
      status: ['failed', 'refunded'],
      q: 'ada',
      currency: 'EUR',
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'createdAt,asc',
      page: 2,
    });
    expect(filtersToSearch(filters).toString()).toBe(url);
    expect(filtersToSearch(parseFilters(new URLSearchParams())).toString()).toBe('');
  });

  it('ignore what a hand-edited URL gets wrong instead of sending it to the API', () => {
    expect(parseFilters(new URLSearchParams('status=nope&currency=euro&from=yesterday&page=-1&sort=amount'))).toEqual({
      status: [],
      q: '',
      currency: '',
      from: '',
      to: '',
      sort: 'createdAt,desc',
      page: 0,
    });
  });

  it('send the API instants: from at 00:00 UTC, the inclusive last day as the next day’s start', () => {
    expect(dateRangeToApi('2026-11-01', '2026-11-30').toString()).toBe(
      'from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z',
    );
    const api = filtersToApi(parseFilters(new URLSearchParams('status=failed&page=1')), true);
    expect(Object.fromEntries(api)).toEqual({ status: 'failed', sort: 'createdAt,desc', page: '1', size: '20' });
    expect(filtersToApi(parseFilters(new URLSearchParams('page=3')), false).has('page')).toBe(false);
  });
});
