// @ts-check
// An in-memory stand-in for the console API (/api/admin, see CONSOLE-API.md and openapi.yaml): session
// sign-in with the XSRF-TOKEN cookie and CSRF check, roles, payments with filters, refunds and cancel,
// stats and users. Used by the unit tests through src/testing/mock-api.ts; plain JavaScript so a
// Playwright script can put it behind page.route as well.

import { ok, problem } from './mock-backend.js';

/**
 * @typedef {import('./mock-backend.js').MockReply} MockReply
 * @typedef {import('@/types/api-types').PaymentStatus} PaymentStatus
 * @typedef {import('@/types/api-types').Refund} Refund
 * @typedef {import('@/types/api-types').AdminPaymentDetail} Payment
 * @typedef {import('@/features/admin/api/types').AdminUser & { password: string }} User
 * @typedef {import('@/features/admin/api/types').Dispute} Dispute
 * @typedef {import('@/features/admin/api/types').GatewayEvent} GatewayEvent
 */

export const ADMIN_PASSWORD = 'correct-horse-battery';

/** A seeded payment; `i` spreads status, currency and day. @type {(i: number, fields?: Partial<Payment>) => Payment} */
export function seedPayment(i, fields = {}) {
  const createdAt = new Date(Date.UTC(2026, 10, 1 + (i % 28), 9, i % 60)).toISOString();
  return {
    paymentId: `pay_seed${String(i).padStart(18, '0')}`,
    name: `Customer ${i}`,
    email: `customer${i}@example.com`,
    serviceType: i % 2 ? 'microwave-network' : 'pon-ftth',
    amount: 1000 + i * 50,
    currency: ['USD', 'EUR', 'JPY'][i % 3] ?? 'USD',
    status: /** @type {PaymentStatus[]} */ (['succeeded', 'failed', 'pending', 'succeeded'])[i % 4] ?? 'succeeded',
    gateway: 'sandbox',
    gatewayReference: `pi_seed${i}`,
    transactionId: null,
    failureCode: null,
    failureMessage: null,
    refundedAmount: 0,
    createdAt,
    updatedAt: createdAt,
    needsAttention: false,
    attentionReason: null,
    history: [
      {
        from: null,
        to: 'pending',
        source: 'api',
        gatewayEventId: null,
        applied: true,
        detail: 'Payment created',
        occurredAt: createdAt,
        actor: null,
      },
    ],
    refunds: [],
    disputes: [],
    ...fields,
  };
}

/** A seeded dispute on seed payment `i`. @type {(i: number, fields?: Partial<Dispute>) => Dispute} */
export function seedDispute(i, fields = {}) {
  const payment = seedPayment(i);
  return {
    disputeId: `dp_seed${i}`,
    paymentId: payment.paymentId,
    amount: payment.amount,
    currency: payment.currency,
    reason: 'fraudulent',
    status: 'needs_response',
    evidenceDueBy: '2026-12-10T23:59:59Z',
    fundsWithdrawn: payment.amount,
    fundsReinstated: 0,
    reminderSent: false,
    evidenceSubmittedBy: null,
    closedBy: null,
    createdAt: payment.createdAt,
    updatedAt: payment.createdAt,
    ...fields,
  };
}

/** A seeded gateway event for seed payment `i`. @type {(i: number, fields?: Partial<GatewayEvent>) => GatewayEvent} */
export function seedEvent(i, fields = {}) {
  const payment = seedPayment(i);
  const type = i % 2 ? 'payment_intent.payment_failed' : 'payment_intent.succeeded';
  return {
    eventId: `evt_seed${i}`,
    type,
    apiVersion: '2025-09-30.clover',
    created: payment.createdAt,
    receivedAt: payment.createdAt,
    paymentId: payment.paymentId,
    outcome: 'applied',
    failureReason: null,
    duplicates: 0,
    payloadAvailable: true,
    payload: JSON.stringify({ id: `evt_seed${i}`, object: 'event', type }),
    ...fields,
  };
}

const FINAL_DISPUTE = ['warning_closed', 'won', 'lost'];

/**
 * @param {{ payments?: Payment[], disputes?: Dispute[], events?: GatewayEvent[], failuresBeforeThrottle?: number }} [options]
 */
export function createMockAdminBackend({
  payments: seed,
  disputes: seedDisputes,
  events: seedEvents,
  failuresBeforeThrottle = 5,
} = {}) {
  /** @type {Map<string, Payment>} */
  const payments = new Map((seed ?? Array.from({ length: 45 }, (_, i) => seedPayment(i))).map((p) => [p.paymentId, p]));
  /** @type {Map<string, Dispute>} */
  const disputes = new Map(
    (
      seedDisputes ?? [seedDispute(0), seedDispute(4, { status: 'under_review' }), seedDispute(8, { status: 'won' })]
    ).map((d) => [d.disputeId, d]),
  );
  /** @type {Map<string, GatewayEvent>} */
  const events = new Map(
    (
      seedEvents ??
      Array.from({ length: 25 }, (_, i) =>
        seedEvent(i, i === 3 ? { outcome: 'failed', failureReason: 'QueryTimeoutException' } : {}),
      )
    ).map((e) => [e.eventId, e]),
  );
  /** @type {Map<string, User>} */
  const users = new Map(
    /** @type {User[]} */ ([
      { username: 'admin', role: 'admin', enabled: true, createdAt: '2026-11-01T08:00:00Z', password: ADMIN_PASSWORD },
      {
        username: 'olga',
        role: 'operator',
        enabled: true,
        createdAt: '2026-11-02T08:00:00Z',
        password: ADMIN_PASSWORD,
      },
      {
        username: 'victor',
        role: 'viewer',
        enabled: true,
        createdAt: '2026-11-03T08:00:00Z',
        password: ADMIN_PASSWORD,
      },
    ]).map((u) => [u.username, u]),
  );
  /** @type {User | null} */
  let signedIn = null;
  let failures = 0;
  let csrf = '';
  /** @type {Map<string, MockReply>} Idempotency-Key → first answer */
  const replies = new Map();

  /** @param {User} u */
  const publicUser = ({ username, role, enabled, createdAt }) => ({ username, role, enabled, createdAt });
  /** The list's shape: a payment without its history and refunds. @param {Payment} p */
  // eslint-disable-next-line no-unused-vars
  const summary = ({ history, refunds, disputes, ...rest }) => rest;
  const issueCsrf = () => {
    csrf = `csrf-${Math.random().toString(36).slice(2)}`;
    if (typeof globalThis.document !== 'undefined') globalThis.document.cookie = `XSRF-TOKEN=${csrf}; path=/`;
  };

  /** @type {(p: Payment, to: PaymentStatus, detail: string) => void} */
  const move = (p, to, detail) => {
    const now = new Date().toISOString();
    p.history.push({
      from: p.status,
      to,
      source: 'admin',
      gatewayEventId: null,
      applied: true,
      detail,
      occurredAt: now,
      actor: signedIn?.username ?? null,
    });
    p.status = to;
    p.updatedAt = now;
  };

  /** @type {<T>(rows: T[], q: URLSearchParams) => { items: T[], page: number, size: number, totalItems: number, totalPages: number }} */
  const pageOf = (rows, q) => {
    const page = Number(q.get('page') ?? 0);
    const size = Number(q.get('size') ?? 20);
    const totalItems = rows.length;
    return {
      items: rows.slice(page * size, page * size + size),
      page,
      size,
      totalItems,
      totalPages: Math.ceil(totalItems / size),
    };
  };

  /** @param {URLSearchParams} q */
  function list(q, paged = true) {
    const statuses = q.getAll('status');
    const text = (q.get('q') ?? '').toLowerCase();
    const from = q.get('from');
    const to = q.get('to');
    let rows = [...payments.values()].filter(
      (p) =>
        (statuses.length === 0 || statuses.includes(p.status)) &&
        (!text ||
          p.email.toLowerCase().includes(text) ||
          p.name.toLowerCase().includes(text) ||
          p.paymentId === q.get('q') ||
          p.transactionId === q.get('q')) &&
        (!q.get('currency') || p.currency === q.get('currency')) &&
        (!from || p.createdAt >= from) &&
        (!to || p.createdAt < to),
    );
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (q.get('sort') === 'createdAt,asc' ? 1 : -1));
    if (!paged) return rows;
    return pageOf(rows.map(summary), q);
  }

  /** @type {(path: string, method: string, q: URLSearchParams, body: any, me: User) => MockReply | undefined} */
  function disputesApi(path, method, q, body, me) {
    if (path === '/disputes' && method === 'GET') {
      const status = q.get('status');
      const rows = [...disputes.values()]
        .filter((d) => !status || d.status === status)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return ok(pageOf(rows, q));
    }
    const one = /^\/disputes\/([^/]+)\/(evidence|close)$/.exec(path);
    if (!one || method !== 'POST') return undefined;
    if (me.role === 'viewer') return problem(403, { title: 'Forbidden', detail: 'Needs the operator role.' });
    const d = disputes.get(decodeURIComponent(one[1] ?? ''));
    if (!d) return problem(404, { title: 'Not found', detail: 'No such dispute.' });
    if (FINAL_DISPUTE.includes(d.status))
      return problem(409, { title: 'Dispute closed', detail: `The dispute is ${d.status}.` });
    if (one[2] === 'close') Object.assign(d, { status: 'lost', closedBy: me.username });
    else if (body?.submit) Object.assign(d, { status: 'under_review', evidenceSubmittedBy: me.username });
    d.updatedAt = new Date().toISOString();
    return ok(d);
  }

  /** @type {(path: string, method: string, q: URLSearchParams, body: any, me: User) => MockReply | undefined} */
  function eventsApi(path, method, q, body, me) {
    if (path === '/events' && method === 'GET') {
      const from = q.get('from');
      const to = q.get('to');
      const rows = [...events.values()]
        .filter(
          (e) =>
            (!q.get('type') || e.type === q.get('type')) &&
            (!q.get('outcome') || e.outcome === q.get('outcome')) &&
            (!q.get('paymentId') || e.paymentId === q.get('paymentId')) &&
            (!from || e.receivedAt >= from) &&
            (!to || e.receivedAt < to),
        )
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
        .map((e) => ({ ...e, payload: null }));
      return ok(pageOf(rows, q));
    }
    if (method === 'POST' && me.role === 'viewer')
      return problem(403, { title: 'Forbidden', detail: 'Needs the operator role.' });
    if (path === '/events/backfill' && method === 'POST') {
      const since = Date.parse(body?.since ?? '');
      if (Number.isNaN(since) || since > Date.now())
        return problem(400, { title: 'Invalid request', errors: [{ field: 'since', message: 'must be in the past' }] });
      const seen = [...events.values()].filter((e) => Date.parse(e.created ?? e.receivedAt) >= since).length;
      return ok({ seen, applied: 0, duplicate: seen, notApplied: 0, ignored: 0, failed: 0 });
    }
    const one = /^\/events\/([^/]+)(\/replay)?$/.exec(path);
    const e = one ? events.get(decodeURIComponent(one[1] ?? '')) : undefined;
    if (!one) return undefined;
    if (!e) return problem(404, { title: 'Not found', detail: 'No such event.' });
    if (method === 'GET' && !one[2]) return ok(e);
    if (method !== 'POST' || !one[2]) return undefined;
    const outcome = e.outcome === 'failed' ? 'applied' : 'duplicate';
    Object.assign(e, { outcome: 'applied', failureReason: null });
    return ok({ eventId: e.eventId, outcome });
  }

  /** @type {(p: Payment, body: any, key: string) => MockReply} */
  function refund(p, body, key) {
    if (!['succeeded', 'partially_refunded'].includes(p.status))
      return problem(409, {
        title: 'Payment not refundable',
        detail: `Only succeeded or partially refunded payments can be refunded (status is ${p.status}).`,
      });
    const left = p.amount - p.refundedAmount;
    const amount = body?.amount ?? left;
    if (!Number.isInteger(amount) || amount < 1)
      return problem(400, { title: 'Invalid request', errors: [{ field: 'amount', message: 'must be at least 1' }] });
    if (amount > left)
      return problem(409, {
        title: 'Refund exceeds refundable amount',
        detail: `At most ${left} can still be refunded.`,
      });
    /** @type {Refund} */
    const r = {
      refundId: `ref_${Math.random().toString(36).slice(2, 12)}`,
      paymentId: p.paymentId,
      amount,
      status: 'succeeded',
      reason: body?.reason ?? null,
      createdAt: new Date().toISOString(),
      failureReason: null,
    };
    p.refunds.push(r);
    p.refundedAmount += amount;
    move(p, p.refundedAmount === p.amount ? 'refunded' : 'partially_refunded', `Refund ${r.refundId} of ${amount}`);
    const reply = ok(r, 201);
    if (key) replies.set(key, { ...reply, status: 200 });
    return reply;
  }

  /** @param {URLSearchParams} q */
  function stats(q) {
    const rows = /** @type {Payment[]} */ (list(q, false));
    /** @type {Record<string, number>} */
    const countsByStatus = Object.fromEntries(
      [
        'pending',
        'requires_action',
        'processing',
        'succeeded',
        'failed',
        'canceled',
        'partially_refunded',
        'refunded',
      ].map((s) => [s, rows.filter((p) => p.status === s).length]),
    );
    const currencies = [...new Set(rows.map((p) => p.currency))].sort();
    const revenue = currencies.map((currency) => {
      const paid = rows.filter(
        (p) => p.currency === currency && ['succeeded', 'partially_refunded', 'refunded'].includes(p.status),
      );
      const grossAmount = paid.reduce((n, p) => n + p.amount, 0);
      const refundedAmount = paid.reduce((n, p) => n + p.refundedAmount, 0);
      return { currency, grossAmount, refundedAmount, disputedAmount: 0, netAmount: grossAmount - refundedAmount };
    });
    return ok({ from: q.get('from'), to: q.get('to'), countsByStatus, revenue });
  }

  /** @param {URLSearchParams} q */
  function daily(q) {
    const rows = /** @type {Payment[]} */ (list(q, false));
    /** @type {Map<string, { date: string, currency: string, net: number, succeeded: number, failed: number }>} */
    const days = new Map();
    for (const p of rows) {
      const date = p.createdAt.slice(0, 10);
      const key = `${date}|${p.currency}`;
      const day = days.get(key) ?? { date, currency: p.currency, net: 0, succeeded: 0, failed: 0 };
      if (p.status === 'failed') day.failed++;
      if (['succeeded', 'partially_refunded', 'refunded'].includes(p.status)) {
        day.succeeded++;
        day.net += p.amount - p.refundedAmount;
      }
      days.set(key, day);
    }
    const failed = rows.filter((p) => p.status === 'failed').length;
    return ok({
      days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
      declineReasons: failed ? [{ reason: 'card_declined', count: failed }] : [],
    });
  }

  /** @type {(name: string, body: any) => MockReply} */
  function patchUser(name, body) {
    const user = users.get(name);
    if (!user || !signedIn) return problem(404, { title: 'Not found' });
    if ('currentPassword' in (body ?? {})) {
      if (name !== signedIn.username) return problem(403, { title: 'Forbidden' });
      if (body.currentPassword !== user.password)
        return problem(400, {
          title: 'Invalid request',
          errors: [{ field: 'currentPassword', message: 'is not your current password' }],
        });
    } else if (signedIn.role !== 'admin') return problem(403, { title: 'Forbidden', detail: 'Needs the admin role.' });
    if (body.password !== undefined && String(body.password).length < 12)
      return problem(400, {
        title: 'Invalid request',
        errors: [{ field: 'password', message: 'must be at least 12 characters' }],
      });
    if (body.password !== undefined) user.password = body.password;
    if (body.role !== undefined) user.role = body.role;
    if (body.enabled !== undefined) user.enabled = body.enabled;
    return ok(publicUser(user));
  }

  /**
   * Answers one request under /api/admin.
   * @param {string} method
   * @param {URL} url
   * @param {Headers} headers
   * @param {any} body
   * @returns {MockReply}
   */
  function handle(method, url, headers, body) {
    const path = url.pathname.replace(/^\/api\/admin/, '');
    if (path === '/session' && method === 'POST') {
      if (failures >= failuresBeforeThrottle)
        return { ...problem(429, { title: 'Too many sign-in attempts' }), headers: { 'Retry-After': '900' } };
      const user = users.get(body?.username);
      if (!user || !user.enabled || user.password !== body?.password) {
        failures++;
        return problem(401, { title: 'Unauthorized', detail: 'Wrong username or password.' });
      }
      failures = 0;
      signedIn = user;
      issueCsrf();
      return ok({ username: user.username, role: user.role });
    }
    if (!signedIn) return problem(401, { title: 'Unauthorized', detail: 'Sign in first.' });
    const me = signedIn;
    if (method !== 'GET' && headers.get('X-XSRF-TOKEN') !== csrf)
      return problem(403, { title: 'Forbidden', detail: 'Invalid CSRF token.' });

    if (path === '/session') {
      if (method === 'GET') return ok({ username: me.username, role: me.role });
      signedIn = null;
      return { status: 204 };
    }
    if (path === '/payments' && method === 'GET') return ok(list(url.searchParams));
    if (path === '/stats' && method === 'GET') return stats(url.searchParams);
    if (path === '/stats/daily' && method === 'GET') return daily(url.searchParams);

    const one = /^\/payments\/([^/]+)(\/refunds|\/cancel)?$/.exec(path);
    const p = one ? payments.get(decodeURIComponent(one[1] ?? '')) : undefined;
    if (one && !p) return problem(404, { title: 'Not found', detail: 'No such payment.' });
    if (p && method === 'GET' && !one?.[2])
      return ok({ ...p, disputes: [...disputes.values()].filter((d) => d.paymentId === p.paymentId) });
    if (p && method === 'POST') {
      if (me.role === 'viewer') return problem(403, { title: 'Forbidden', detail: 'Needs the operator role.' });
      const key = headers.get('Idempotency-Key') ?? '';
      const replay = replies.get(key);
      if (replay) return replay;
      if (one?.[2] === '/refunds') return refund(p, body, key);
      if (!['pending', 'requires_action', 'processing', 'failed'].includes(p.status))
        return problem(409, {
          title: 'Payment cannot be canceled',
          detail: `A ${p.status} payment cannot be canceled.`,
        });
      move(p, 'canceled', 'Canceled in the console');
      return ok(summary(p));
    }

    const answer =
      disputesApi(path, method, url.searchParams, body, me) ?? eventsApi(path, method, url.searchParams, body, me);
    if (answer) return answer;

    const user = /^\/users\/([^/]+)$/.exec(path);
    if (user && method === 'PATCH') return patchUser(decodeURIComponent(user[1] ?? ''), body);
    if (path.startsWith('/users') && me.role !== 'admin')
      return problem(403, { title: 'Forbidden', detail: 'Needs the admin role.' });
    if (path === '/users' && method === 'GET') return ok([...users.values()].map(publicUser));
    if (path === '/users' && method === 'POST') {
      if (users.has(body?.username))
        return problem(409, { title: 'Conflict', detail: `User ${body.username} already exists.` });
      if (String(body?.password ?? '').length < 12)
        return problem(400, {
          title: 'Invalid request',
          errors: [{ field: 'password', message: 'must be at least 12 characters' }],
        });
      /** @type {User} */
      const created = {
        username: body.username,
        role: body.role,
        enabled: true,
        createdAt: new Date().toISOString(),
        password: body.password,
      };
      users.set(created.username, created);
      return ok(publicUser(created), 201);
    }
    return problem(404, { title: 'Not found' });
  }

  /** Signs `username` in without a request (tests that start on a console page). */
  function signInAs(username = 'admin') {
    signedIn = users.get(username) ?? null;
    issueCsrf();
  }

  return { payments, disputes, events, users, handle, signInAs };
}
