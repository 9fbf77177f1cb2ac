import { vi } from 'vitest';

import { paymentStatusValues, type PaymentStatusResponse } from '@/types/api-types';

import { createMockAdminBackend } from './mock-admin-backend';
import { createMockBackend, ok, problem, sandboxConfig, type MockReply } from './mock-backend';

export { ok, problem, sandboxConfig };
export { ADMIN_PASSWORD, seedDispute, seedEvent, seedPayment } from './mock-admin-backend';

type MockRequest = { method: string; path: string; search: URLSearchParams; headers: Headers; body: unknown };
type MockHandler = (req: MockRequest, params: Record<string, string>) => MockReply | Promise<MockReply>;

type Route = { method: string; pattern: RegExp; keys: string[]; handler: MockHandler };

/**
 * Replaces global fetch with the shared mock backends (./mock-backend.js, also used by the e2e test, and
 * ./mock-admin-backend.js for the console's /api/admin);
 * `handlers` answer first where a test needs a particular reply:
 * `installMockApi({ 'GET /api/payment/status/:id': () => ok(statusOf('failed')) })`.
 * Every request is recorded in `calls`.
 */
export function installMockApi(
  handlers: Record<string, MockHandler> = {},
  backend = createMockBackend({ settleMs: 50 }),
  admin = createMockAdminBackend(),
) {
  const routes: Route[] = Object.entries(handlers).map(([key, handler]) => {
    const [method = 'GET', path = '/'] = key.split(' ');
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
        keys.push(name);
        return '([^/]+)';
      })}$`,
    );
    return { method, pattern, keys, handler };
  });
  const calls: MockRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req: MockRequest = {
      method,
      path: url.pathname,
      search: url.searchParams,
      headers: new Headers(init?.headers),
      body,
    };
    calls.push(req);
    for (const route of routes) {
      const match = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(match[i + 1] ?? '')]));
      return toResponse(await route.handler(req, params));
    }
    if (url.pathname.startsWith('/api/admin/')) return toResponse(admin.handle(method, url, req.headers, body));
    return toResponse(backend.handle(method, url.pathname, body));
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    backend,
    admin,
    calls,
    fetchMock,
    count: (method: string, pathPrefix: string) =>
      calls.filter((c) => c.method === method && c.path.startsWith(pathPrefix)).length,
  };
}

const toResponse = ({ status, body, headers }: MockReply) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

/** Returns the replies in order, then keeps repeating the last one. */
export function sequence<T>(...items: T[]): () => T {
  let i = 0;
  return () => {
    const item = items[Math.min(i, items.length - 1)] as T;
    i++;
    return item;
  };
}

export const PAYMENT_ID = 'pay_3xq9T0bVdJm2LkQp7RzY1a';

export function statusOf(
  status: PaymentStatusResponse['status'],
  overrides: Partial<PaymentStatusResponse> = {},
): PaymentStatusResponse {
  return {
    paymentId: PAYMENT_ID,
    status,
    amount: 1250,
    currency: 'USD',
    serviceType: 'pon-ftth',
    transactionId: status === 'succeeded' ? 'ch_test_123' : null,
    failureMessage: status === 'failed' ? 'Your card was declined.' : null,
    refundedAmount: 0,
    updatedAt: `2026-02-07T10:00:0${paymentStatusValues.indexOf(status)}Z`,
    ...overrides,
  };
}
