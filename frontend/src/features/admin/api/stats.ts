import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';

import { dateRangeToApi } from '../utils/filters';

import { dailyStatsSchema, statsSchema } from './schemas';
import { ADMIN_KEY } from './session';

/** Days as yyyy-mm-dd in UTC, both inclusive. */
export type DateRange = { from: string; to: string };

export const statsQueryOptions = ({ from, to }: DateRange) =>
  queryOptions({
    queryKey: [...ADMIN_KEY, 'stats', from, to],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/stats?${dateRangeToApi(from, to).toString()}`, statsSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const dailyStatsQueryOptions = ({ from, to }: DateRange) =>
  queryOptions({
    queryKey: [...ADMIN_KEY, 'stats-daily', from, to],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/stats/daily?${dateRangeToApi(from, to).toString()}`, dailyStatsSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const useStats = (range: DateRange) => useQuery(statsQueryOptions(range));
export const useDailyStats = (range: DateRange) => useQuery(dailyStatsQueryOptions(range));
