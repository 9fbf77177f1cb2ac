// In-memory stand-in for the payment service's public + sandbox API (per openapi.yaml), for
// running the end-to-end script against `vite preview` / `vite dev` before the backend exists:
//   E2E_MOCK_API=1 E2E_BASE_URL=http://localhost:4173 node e2e/payment-flow.e2e.mjs
// It is installed with Playwright's page.route, so no server is needed for /api.
import { randomBytes } from 'node:crypto';

export const mockConfig = {
  mode: 'sandbox',
  publishableKey: null,
  currencies: [
    { code: 'USD', exponent: 2, minimumAmount: 50, maximumAmount: 99999999 },
    { code: 'EUR', exponent: 2, minimumAmount: 50, maximumAmount: 99999999 },
    { code: 'JPY', exponent: 0, minimumAmount: 50, maximumAmount: 99999999 },
    { code: 'KWD', exponent: 3, minimumAmount: 100, maximumAmount: 99999999 },
  ],
  serviceTypes: [
    { id: 'pon-ftth', label: 'PON & FTTH' },
    { id: 'microwave-network', label: 'Microwave Network' },
  ],
  pollIntervalMs: 2000,
  testCards: [
    { number: '4242424242424242', description: 'Succeeds' },
    { number: '4000000000000002', description: 'Declined (generic decline)' },
    { number: '4000000000009995', description: 'Declined (insufficient funds)' },
    { number: '4000002500003155', description: 'Requires 3-D Secure authentication' },
  ],
};

const id = (prefix) => `${prefix}${randomBytes(17).toString('base64url')}`;

export function createMockBackend({ config = mockConfig, settleMs = 1500 } = {}) {
  const payments = new Map();

  const problem = (status, title, extra = {}) => ({
    status,
    contentType: 'application/problem+json',
    body: { type: 'about:blank', title, status, ...extra },
  });
  const json = (status, body, headers = {}) => ({ status, contentType: 'application/json', body, headers });
  const touch = (p, status, fields = {}) => {
    Object.assign(p, { status, updatedAt: new Date().toISOString() }, fields);
  };
  const statusView = (p) => ({
    paymentId: p.paymentId,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    serviceType: p.serviceType,
    transactionId: p.transactionId,
    failureMessage: p.failureMessage,
    refundedAmount: 0,
    updatedAt: p.updatedAt,
  });
  // Like a webhook arriving a little later: processing now, succeeded after settleMs.
  const settle = (p) => {
    touch(p, 'processing', { failureMessage: null });
    setTimeout(() => touch(p, 'succeeded', { transactionId: id('ch_mock_') }), settleMs);
  };

  function handle(method, path, body) {
    if (method === 'GET' && path === '/api/payment/config') return json(200, config);

    if (method === 'POST' && path === '/api/payment/stripe/create-intent') {
      const errors = [];
      if (!body?.name?.trim()) errors.push({ field: 'name', message: 'must not be blank' });
      if (!/^[^@\s]+@[^@\s]+$/.test(body?.email ?? '')) errors.push({ field: 'email', message: 'must be a well-formed email address' });
      if (!config.serviceTypes.some((s) => s.id === body?.serviceType)) errors.push({ field: 'serviceType', message: 'unknown service type' });
      const currency = config.currencies.find((c) => c.code === body?.currency);
      if (!currency) errors.push({ field: 'currency', message: 'unsupported currency' });
      else if (!Number.isInteger(body.amount) || body.amount < currency.minimumAmount || body.amount > currency.maximumAmount)
        errors.push({ field: 'amount', message: 'amount out of range' });
      if (errors.length) return problem(400, 'Invalid request', { errors });
      const p = {
        paymentId: id('pay_'),
        clientSecret: `${id('pi_mock_')}_secret_${id('')}`,
        amount: body.amount,
        currency: body.currency,
        serviceType: body.serviceType,
        transactionId: null,
        failureMessage: null,
      };
      touch(p, 'pending');
      payments.set(p.paymentId, p);
      const { paymentId, clientSecret, status, amount, currency: code } = p;
      return json(201, { paymentId, clientSecret, status, amount, currency: code }, { Location: `/api/payment/status/${paymentId}` });
    }

    let m = /^\/api\/payment\/status\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const p = payments.get(decodeURIComponent(m[1]));
      return p ? json(200, statusView(p)) : problem(404, 'Not found');
    }

    m = /^\/api\/payment\/sandbox\/payments\/([^/]+)\/(confirm|authenticate)$/.exec(path);
    if (method === 'POST' && m) {
      const p = payments.get(decodeURIComponent(m[1]));
      if (!p || body?.clientSecret !== p.clientSecret) return problem(404, 'Not found');
      const answer = (outcome, declineCode = null, message = null) =>
        json(200, { paymentId: p.paymentId, outcome, declineCode, message });

      if (m[2] === 'authenticate') {
        if (p.status !== 'requires_action') return problem(409, 'Payment is not awaiting authentication');
        if (body.approve === true) {
          settle(p);
          return answer('processing');
        }
        touch(p, 'failed', { failureMessage: 'We could not authenticate your payment.' });
        return answer('declined', 'authentication_failed', 'We could not authenticate your payment.');
      }

      if (!['pending', 'requires_action', 'failed'].includes(p.status)) return problem(409, 'Payment cannot be confirmed');
      const card = String(body?.cardNumber ?? '').replace(/\s/g, '');
      switch (card) {
        case '4242424242424242':
          settle(p);
          return answer('processing');
        case '4000000000000002':
          touch(p, 'failed', { failureMessage: 'Your card was declined.' });
          return answer('declined', 'generic_decline', 'Your card was declined.');
        case '4000000000009995':
          touch(p, 'failed', { failureMessage: 'Your card has insufficient funds.' });
          return answer('declined', 'insufficient_funds', 'Your card has insufficient funds.');
        case '4000002500003155':
          touch(p, 'requires_action');
          return answer('requires_action', null, 'Authentication required.');
        default:
          return problem(400, 'Invalid request', { errors: [{ field: 'cardNumber', message: 'Use one of the sandbox test cards.' }] });
      }
    }
    return problem(404, 'Not found');
  }

  return { payments, handle };
}

/** Routes every /api/ request of a Playwright BrowserContext or Page to the mock backend. */
export async function installMockApi(target, backend = createMockBackend()) {
  await target.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route) => {
      const request = route.request();
      let body;
      try {
        body = request.postDataJSON();
      } catch {
        body = undefined;
      }
      const res = backend.handle(request.method(), new URL(request.url()).pathname, body);
      await route.fulfill({
        status: res.status,
        contentType: res.contentType,
        headers: res.headers,
        body: JSON.stringify(res.body),
      });
    },
  );
  return backend;
}
