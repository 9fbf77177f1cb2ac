import { describe, expect, it } from 'vitest';

import { statusOf } from '@/testing/mock-api';

import { shouldKeepPolling } from './payment-status';

describe('shouldKeepPolling', () => {
  it.each(['pending', 'requires_action', 'processing'] as const)('polls while %s', (status) => {
    expect(shouldKeepPolling(statusOf(status), null)).toBe(true);
  });

  it.each(['succeeded', 'canceled', 'refunded', 'partially_refunded'] as const)(
    'stops at final status %s',
    (status) => {
      expect(shouldKeepPolling(statusOf(status), null)).toBe(false);
    },
  );

  it('stops at failed until the customer retries from that failure', () => {
    const failed = statusOf('failed', { updatedAt: '2026-02-07T10:00:05Z' });
    expect(shouldKeepPolling(failed, null)).toBe(false);
    expect(shouldKeepPolling(failed, '2026-02-07T10:00:05Z')).toBe(true);
    // a newer failure (the retry failed too) stops polling again
    expect(shouldKeepPolling(statusOf('failed', { updatedAt: '2026-02-07T10:00:09Z' }), '2026-02-07T10:00:05Z')).toBe(
      false,
    );
  });
});
