import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';

import { apiRequest } from './api-client';

function stubFetch(status = 200, body: unknown = {}) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return () => new Headers(fetchMock.mock.calls.at(-1)?.[1]?.headers);
}

describe('apiRequest', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on every write, and never on a read', async () => {
    document.cookie = 'other=1; path=/';
    document.cookie = 'XSRF-TOKEN=tok%2Fen; path=/';
    const lastHeaders = stubFetch();

    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      await apiRequest('/api/admin/x', z.object({}), { method, body: {} });
      expect(lastHeaders().get('X-XSRF-TOKEN'), method).toBe('tok/en');
    }
    await apiRequest('/api/admin/x', z.object({}));
    expect(lastHeaders().has('X-XSRF-TOKEN')).toBe(false);
  });

  it('sends no X-XSRF-TOKEN header when there is no cookie (HTTP Basic clients, the Payment page)', async () => {
    const lastHeaders = stubFetch();
    await apiRequest('/api/payment/x', z.object({}), { method: 'POST', body: {} });
    expect(lastHeaders().has('X-XSRF-TOKEN')).toBe(false);
  });

  it('reads a 204 answer as no body', async () => {
    stubFetch(204);
    await expect(apiRequest('/api/admin/session', z.undefined(), { method: 'DELETE' })).resolves.toBeUndefined();
  });
});
