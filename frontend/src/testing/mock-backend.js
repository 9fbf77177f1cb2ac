// @ts-check
// The one in-memory stand-in for the payment service's public + sandbox API (openapi.yaml), shared by
// the unit tests (src/testing/mock-api.ts puts it behind `fetch`) and the end-to-end script
// (e2e/payment-flow.e2e.mjs puts it behind Playwright's page.route with E2E_MOCK_API=1).
// Plain JavaScript with JSDoc types, so Node runs it without a build and `tsc` still checks it.

/**
 * @typedef {import('@/types/api-types').PaymentConfig} PaymentConfig
 * @typedef {import('@/types/api-types').PaymentStatusResponse} PaymentStatusResponse
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> }} MockReply
 */

/** @type {PaymentConfig} */
export const sandboxConfig = {
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
  pollIntervalMs: 25,
  testCards: [
    { number: '4242424242424242', description: 'Succeeds' },
    { number: '4000000000000002', description: 'Declined (generic decline)' },
    { number: '4000000000009995', description: 'Declined (insufficient funds)' },
    { number: '4000002500003155', description: 'Requires 3-D Secure authentication' },
  ],
  checkout: 'embedded',
};

/** @type {(body: unknown, status?: number) => MockReply} */
export const ok = (body, status = 200) => ({ status, body });

/** @type {(status: number, extra?: Record<string, unknown>) => MockReply} */
export const problem = (status, extra = {}) => ({
  status,
  body: { type: 'about:blank', title: 'Error', status, ...extra },
});

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** @param {string} prefix */
const randomId = (prefix) =>
  prefix + Array.from(crypto.getRandomValues(new Uint8Array(22)), (b) => ID_ALPHABET.charAt(b & 63)).join('');

const DECLINES = /** @type {Record<string, [string, string]>} */ ({
  4000000000000002: ['generic_decline', 'Your card was declined.'],
  4000000000009995: ['insufficient_funds', 'Your card has insufficient funds.'],
});

/**
 * A stateful sandbox backend: payments are created, confirmed with the sandbox test cards, and settle
 * (processing → succeeded, like a webhook arriving) `settleMs` after a card is accepted.
 * @param {{ config?: PaymentConfig, settleMs?: number }} [options]
 */
export function createMockBackend({ config = sandboxConfig, settleMs = 1500 } = {}) {
  /** @type {Map<string, PaymentStatusResponse>} */
  const payments = new Map();
  /** @type {Map<string, string>} paymentId → client secret */
  const secrets = new Map();

  /** @type {(p: PaymentStatusResponse, status: PaymentStatusResponse['status'], fields?: Partial<PaymentStatusResponse>) => void} */
  const touch = (p, status, fields = {}) => {
    Object.assign(p, { status, updatedAt: new Date().toISOString() }, fields);
  };
  /** @param {PaymentStatusResponse} p */
  const settle = (p) => {
    touch(p, 'processing', { failureMessage: null });
    setTimeout(() => touch(p, 'succeeded', { transactionId: randomId('ch_mock_') }), settleMs);
  };
  /** @type {(p: PaymentStatusResponse, outcome: string, declineCode?: string | null, message?: string | null) => MockReply} */
  const outcome = (p, outcome, declineCode = null, message = null) =>
    ok({ paymentId: p.paymentId, outcome, declineCode, message });

  /** Creates a pending payment, as POST /api/payment/stripe/create-intent does after validation. */
  function createPayment({ amount = 1250, currency = 'USD', serviceType = 'pon-ftth' } = {}) {
    /** @type {PaymentStatusResponse} */
    const p = {
      paymentId: randomId('pay_'),
      status: 'pending',
      amount,
      currency,
      serviceType,
      transactionId: null,
      failureMessage: null,
      refundedAmount: 0,
      updatedAt: new Date().toISOString(),
    };
    const clientSecret = `${randomId('pi_mock_')}_secret_${randomId('')}`;
    payments.set(p.paymentId, p);
    secrets.set(p.paymentId, clientSecret);
    return { ...p, clientSecret };
  }

  /** @param {any} body */
  function create(body) {
    const errors = [];
    if (!body?.name?.trim()) errors.push({ field: 'name', message: 'must not be blank' });
    if (!/^[^@\s]+@[^@\s]+$/.test(body?.email ?? ''))
      errors.push({ field: 'email', message: 'must be a well-formed email address' });
    if (!config.serviceTypes.some((s) => s.id === body?.serviceType))
      errors.push({ field: 'serviceType', message: 'unknown service type' });
    const currency = config.currencies.find((c) => c.code === body?.currency);
    if (!currency) errors.push({ field: 'currency', message: 'unsupported currency' });
    else if (
      !Number.isInteger(body.amount) ||
      body.amount < currency.minimumAmount ||
      body.amount > currency.maximumAmount
    )
      errors.push({ field: 'amount', message: 'amount out of range' });
    if (errors.length) return problem(400, { title: 'Invalid request', errors });
    const { paymentId, clientSecret, status, amount, currency: code } = createPayment(body);
    return {
      ...ok({ paymentId, clientSecret, status, amount, currency: code }, 201),
      headers: { Location: `/api/payment/status/${paymentId}` },
    };
  }

  /** @type {(p: PaymentStatusResponse, body: any) => MockReply} */
  function confirm(p, body) {
    if (!['pending', 'requires_action', 'failed'].includes(p.status))
      return problem(409, { title: 'Payment cannot be confirmed' });
    const card = String(body?.cardNumber ?? '').replace(/\s/g, '');
    const decline = DECLINES[card];
    if (decline) {
      touch(p, 'failed', { failureMessage: decline[1] });
      return outcome(p, 'declined', ...decline);
    }
    if (card === '4000002500003155') {
      touch(p, 'requires_action');
      return outcome(p, 'requires_action', null, 'Authentication required.');
    }
    if (card !== '4242424242424242') {
      return problem(400, {
        title: 'Invalid request',
        errors: [{ field: 'cardNumber', message: 'Use one of the sandbox test cards.' }],
      });
    }
    settle(p);
    return outcome(p, 'processing');
  }

  /** @type {(p: PaymentStatusResponse, body: any) => MockReply} */
  function authenticate(p, body) {
    if (p.status !== 'requires_action') return problem(409, { title: 'Payment is not awaiting authentication' });
    if (body?.approve === true) {
      settle(p);
      return outcome(p, 'processing');
    }
    const message = 'We could not authenticate your payment.';
    touch(p, 'failed', { failureMessage: message });
    return outcome(p, 'declined', 'authentication_failed', message);
  }

  /**
   * Answers one request.
   * @param {string} method
   * @param {string} path
   * @param {unknown} body parsed JSON body, if any
   * @returns {MockReply}
   */
  function handle(method, path, body) {
    if (method === 'GET' && path === '/api/payment/config') return ok(config);
    if (method === 'POST' && path === '/api/payment/stripe/create-intent') return create(body);

    const status = /^\/api\/payment\/status\/([^/]+)$/.exec(path);
    if (method === 'GET' && status) {
      const p = payments.get(decodeURIComponent(status[1] ?? ''));
      return p ? ok(p) : problem(404, { title: 'Not found' });
    }

    const sandbox = /^\/api\/payment\/sandbox\/payments\/([^/]+)\/(confirm|authenticate)$/.exec(path);
    if (method === 'POST' && sandbox) {
      const p = payments.get(decodeURIComponent(sandbox[1] ?? ''));
      const secret = /** @type {{ clientSecret?: unknown } | undefined} */ (body)?.clientSecret;
      if (!p || secret !== secrets.get(p.paymentId)) return problem(404, { title: 'Not found' });
      return sandbox[2] === 'confirm' ? confirm(p, body) : authenticate(p, body);
    }
    return problem(404, { title: 'Not found' });
  }

  return { payments, createPayment, handle };
}
