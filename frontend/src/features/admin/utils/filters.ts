import { paymentStatusValues, type PaymentStatus } from '@/types/api-types';

import type { PaymentFilters } from '../api/types';

export const PAGE_SIZE = 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the console's URL (`?status=failed&status=refunded&q=ada&page=2`); junk is ignored. */
export function parseFilters(search: URLSearchParams): PaymentFilters {
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return DATE.test(value) ? value : '';
  };
  const page = Number(search.get('page'));
  return {
    status: search.getAll('status').filter((s): s is PaymentStatus => paymentStatusValues.includes(s as PaymentStatus)),
    q: search.get('q') ?? '',
    currency: /^[A-Z]{3}$/.test(search.get('currency') ?? '') ? (search.get('currency') ?? '') : '',
    from: date('from'),
    to: date('to'),
    sort: search.get('sort') === 'createdAt,asc' ? 'createdAt,asc' : 'createdAt,desc',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

/** The console URL's query string for `filters`, leaving defaults out so links stay short. */
export function filtersToSearch(filters: PaymentFilters): URLSearchParams {
  const search = new URLSearchParams();
  filters.status.forEach((s) => search.append('status', s));
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.currency) search.set('currency', filters.currency);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.sort !== 'createdAt,desc') search.set('sort', filters.sort);
  if (filters.page > 0) search.set('page', String(filters.page));
  return search;
}

/** `from`/`to` as the API's instants: `from` inclusive at 00:00 UTC, the inclusive day `to` as the next day's start. */
export function dateRangeToApi(from: string, to: string): URLSearchParams {
  const search = new URLSearchParams();
  if (from) search.set('from', `${from}T00:00:00Z`);
  if (to) {
    const next = new Date(`${to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    search.set('to', next.toISOString().replace('.000Z', 'Z'));
  }
  return search;
}

/** The API's query string for the list and the CSV export (`withPaging` false: every row). */
export function filtersToApi(filters: PaymentFilters, withPaging: boolean): URLSearchParams {
  const search = dateRangeToApi(filters.from, filters.to);
  filters.status.forEach((s) => search.append('status', s));
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.currency) search.set('currency', filters.currency);
  search.set('sort', filters.sort);
  if (withPaging) {
    search.set('page', String(filters.page));
    search.set('size', String(PAGE_SIZE));
  }
  return search;
}
