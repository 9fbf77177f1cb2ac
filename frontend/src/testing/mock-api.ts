import { vi } from 'vitest';

import { paymentStatusValues, type PaymentConfig, type PaymentStatusResponse } from '@/types/api-types';

export type MockRequest = { method: string; path: string; headers: Headers; body: unknown };
export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> };
export type MockHandler = (req: MockRequest, params: Record<string, string>) => MockReply | Promise<MockReply>;

type Route = { method: string; pattern: RegExp; keys: string[]; handler: MockHandler };

/**
 * Replaces global fetch with a tiny router: `installMockApi({ 'GET /api/payment/config': () => ok(config) })`.
 * Unmatched requests answer 404 problem+json. Every request is recorded in `calls`.
 */
export function installMockApi(handlers: Record<string, MockHandler>) {
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
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req: MockRequest = { method, path: url.pathname, headers: new Headers(init?.headers), body };
    calls.push(req);
    for (const route of routes) {
      const match = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(match[i + 1] ?? '')]));
      const reply = await route.handler(req, params);
      const status = reply.status ?? 200;
      const isProblem = status >= 400;
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status,
        headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...reply.headers },
      });
    }
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    fetchMock,
    count: (method: string, pathPrefix: string) =>
      calls.filter((c) => c.method === method && c.path.startsWith(pathPrefix)).length,
  };
}

export const ok = (body: unknown, status = 200): MockReply => ({ status, body });

export const problem = (status: number, extra: Record<string, unknown> = {}): MockReply => ({
  status,
  body: { type: 'about:blank', title: 'Error', status, ...extra },
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

export const sandboxConfig: PaymentConfig = {
  mode: 'sandbox',
  publishableKey: null,
  currencies: [
    { code: 'USD', exponent: 2, minimumAmount: 50, maximumAmount: 99999999 },
    { code: 'JPY', exponent: 0, minimumAmount: 50, maximumAmount: 99999999 },
    { code: 'KWD', exponent: 3, minimumAmount: 100, maximumAmount: 99999999 },
  ],
  serviceTypes: [
    { id: 'pon-ftth', label: 'PON & FTTH' },
    { id: 'microwave-network', label: 'Microwave Network' },
  ],
  pollIntervalMs: 25,
  testCards: [
    { number: '4242424242424242', description: 'Succeeds' },
    { number: '4000000000000002', description: 'Declined' },
    { number: '4000002500003155', description: 'Requires 3-D Secure' },
  ],
};

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
