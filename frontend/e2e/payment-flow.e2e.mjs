#!/usr/bin/env node
// End-to-end test of the Payment page in real Chromium (playwright-core, no test runner).
//
//   E2E_BASE_URL        app under test (default http://localhost:8080; the app must run in sandbox mode)
//   E2E_SCREENSHOT_DIR  where screenshots go (default <frontend>/e2e-screenshots)
//   E2E_CHROMIUM_PATH   Chromium binary (default /usr/bin/chromium)
//   E2E_MOCK_API=1      answer /api/* from the in-memory mock the unit tests use too
//                       (src/testing/mock-backend.js) instead of the backend,
//                       e.g. against `npm run preview` or `npm run dev`
//   E2E_TIMEOUT_MS      how long to wait for a payment to settle (default 30000)
//
// Exits non-zero when a scenario fails. Also usable as a module: `await runPaymentFlowE2E({...})`.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { createMockBackend, sandboxConfig } from '../src/testing/mock-backend.js';

const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CARDS = {
  succeeds: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  threeDSecure: '4000 0025 0000 3155',
};

/** Answers every /api/ request of a Playwright BrowserContext from the shared mock backend. */
async function installMockApi(context) {
  const backend = createMockBackend({ config: { ...sandboxConfig, pollIntervalMs: 1000 } });
  await context.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route) => {
      const request = route.request();
      let body;
      try {
        body = request.postDataJSON();
      } catch {
        body = undefined;
      }
      const reply = backend.handle(request.method(), new URL(request.url()).pathname, body);
      await route.fulfill({
        status: reply.status,
        contentType: reply.status >= 400 ? 'application/problem+json' : 'application/json',
        headers: reply.headers,
        body: JSON.stringify(reply.body),
      });
    },
  );
  return backend;
}

class AssertionError extends Error {}
function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export async function runPaymentFlowE2E(options = {}) {
  const baseUrl = (options.baseUrl ?? process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
  const screenshotDir = resolve(
    options.screenshotDir ?? process.env.E2E_SCREENSHOT_DIR ?? join(FRONTEND_DIR, 'e2e-screenshots'),
  );
  const mockApi = options.mockApi ?? process.env.E2E_MOCK_API === '1';
  const executablePath = options.executablePath ?? process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
  const settleTimeout = Number(options.timeoutMs ?? process.env.E2E_TIMEOUT_MS ?? 30_000);
  const log = options.log ?? ((line) => console.log(line));

  await mkdir(screenshotDir, { recursive: true });
  log(`Payment flow e2e against ${baseUrl}${mockApi ? ' (mocked /api)' : ''}; screenshots in ${screenshotDir}`);

  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  const contexts = [];
  let shot = 0;

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    const backend = mockApi ? await installMockApi(context) : null;
    const page = await context.newPage();
    page.mockBackend = backend;
    page.setDefaultTimeout(15_000);
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    page.on('console', (msg) => {
      // A stream that cannot open is logged by Chromium; the page then polls (mocked /api has no stream).
      const streamFailure =
        (page.streamBlocked || mockApi) && /\/events\b|EventSource/.test(msg.text() + msg.location().url);
      if (msg.type() === 'error' && !streamFailure) page.errors.push(msg.text());
    });
    page.statusPolls = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/api\/payment\/status\/[^/]+$/.test(new URL(request.url()).pathname)) {
        page.statusPolls += 1;
      }
    });
    // Every status the page shows, in order, however briefly.
    await page.addInitScript(() => {
      const { document, MutationObserver, window } = globalThis;
      window.shownStatuses = [];
      new MutationObserver(() => {
        const shown = document.querySelector('[data-status]')?.getAttribute('data-status');
        if (shown && window.shownStatuses.at(-1) !== shown) window.shownStatuses.push(shown);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    });
    return page;
  }

  async function screenshot(page, name) {
    shot += 1;
    const path = join(screenshotDir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  const statusRegion = (page) => page.getByRole('status');

  async function waitForStatus(page, title, timeout = settleTimeout) {
    await statusRegion(page).getByText(title, { exact: true }).waitFor({ state: 'visible', timeout });
  }

  async function readConfig(page) {
    const config = await page.evaluate(async () => {
      const res = await fetch('/api/payment/config', { headers: { Accept: 'application/json' } });
      return res.ok ? res.json() : null;
    });
    assert(config, 'GET /api/payment/config failed');
    assert(config.mode === 'sandbox', `the app must run in sandbox mode for this test (mode is "${config.mode}")`);
    return config;
  }

  function amountFor(config) {
    const currency = config.currencies.find((c) => c.code === 'USD') ?? config.currencies[0];
    const minor = Math.min(Math.max(currency.minimumAmount, 1250), currency.maximumAmount);
    const text = currency.exponent === 0 ? String(minor) : (minor / 10 ** currency.exponent).toFixed(currency.exponent);
    return { currency: currency.code, text };
  }

  async function startPayment(page) {
    await page.goto(`${baseUrl}/payment`);
    await page.getByLabel('Name', { exact: true }).waitFor();
    const config = await readConfig(page);
    const { currency, text } = amountFor(config);
    await page.getByLabel('Name', { exact: true }).fill('E2E Customer');
    await page.getByLabel('Email', { exact: true }).fill('e2e.customer@example.com');
    await page.getByLabel('Service', { exact: true }).selectOption(config.serviceTypes[0].id);
    await page.getByLabel('Currency', { exact: true }).selectOption(currency);
    await page.getByLabel('Amount', { exact: true }).fill(text);
    const button = page.getByRole('button', { name: 'Continue to payment' });
    await button.dblclick(); // a double click must still make exactly one payment
    await page.waitForURL(/\/payment\/pay_[A-Za-z0-9_-]{22,}$/);
    const paymentId = new URL(page.url()).pathname.split('/').pop();
    await page.getByLabel('Card number', { exact: true }).waitFor();
    if (page.mockBackend) {
      const created = page.mockBackend.payments.size;
      assert(created === 1, `a double click created ${created} payments`);
    }
    return paymentId;
  }

  async function payWithCard(page, number) {
    const cardNumber = page.getByLabel('Card number', { exact: true });
    await cardNumber.fill(number);
    const typed = await cardNumber.inputValue();
    assert(typed === number, `card number should be grouped in fours, got "${typed}"`);
    await page.getByLabel('Expiry (MM/YY)', { exact: true }).fill('12/34');
    await page.getByLabel('CVC', { exact: true }).fill('123');
    await page.getByRole('button', { name: /^Pay / }).click();
  }

  async function transactionId(page) {
    const text = await statusRegion(page).innerText();
    const match = /Transaction ID:\s*(\S+)/.exec(text);
    assert(match, `no transaction id in the status region: "${text}"`);
    return match[1];
  }

  let successPage = null;
  const scenarios = [
    [
      'card 4242 4242 4242 4242 succeeds with a transaction id',
      async () => {
        const page = await newPage();
        const paymentId = await startPayment(page);
        await screenshot(page, 'card-form');
        await payWithCard(page, CARDS.succeeds);
        await waitForStatus(page, 'Payment succeeded');
        const txn = await transactionId(page);
        await screenshot(page, 'succeeded');
        assert(page.url().endsWith(paymentId), 'URL should stay on the payment');
        successPage = page;
        return `payment ${paymentId}, transaction ${txn}`;
      },
    ],
    [
      'card 4000 0000 0000 0002 is declined, then 4242 succeeds on the same payment',
      async () => {
        const page = await newPage();
        const paymentId = await startPayment(page);
        await payWithCard(page, CARDS.declined);
        await page.getByText('Card declined', { exact: true }).waitFor({ timeout: settleTimeout });
        await waitForStatus(page, 'Payment failed');
        await screenshot(page, 'declined');
        await page.getByRole('button', { name: 'Try another card' }).click();
        await payWithCard(page, CARDS.succeeds);
        await waitForStatus(page, 'Payment succeeded');
        const txn = await transactionId(page);
        const sameId = new URL(page.url()).pathname.split('/').pop();
        assert(sameId === paymentId, `retry must stay on the same payment (${paymentId} → ${sameId})`);
        await screenshot(page, 'declined-then-succeeded');
        return `payment ${paymentId}, transaction ${txn}`;
      },
    ],
    [
      'card 4000 0025 0000 3155 asks for 3-D Secure, Approve completes',
      async () => {
        const page = await newPage();
        const paymentId = await startPayment(page);
        await payWithCard(page, CARDS.threeDSecure);
        await page.getByRole('heading', { name: '3-D Secure' }).waitFor({ timeout: settleTimeout });
        await screenshot(page, '3ds');
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        await waitForStatus(page, 'Payment succeeded');
        const txn = await transactionId(page);
        await screenshot(page, '3ds-approved');
        return `payment ${paymentId}, transaction ${txn}`;
      },
    ],
    [
      'the status arrives over the event stream, with no status polls while it works',
      async () => {
        if (mockApi) return 'skipped: the mocked /api has no event stream';
        const page = await newPage();
        const paymentId = await startPayment(page);
        const afterLoad = page.statusPolls;
        await page.waitForTimeout(2 * (await readConfig(page)).pollIntervalMs + 500);
        assert(page.statusPolls === afterLoad, `${page.statusPolls - afterLoad} status polls while the stream works`);
        await payWithCard(page, CARDS.succeeds);
        await waitForStatus(page, 'Payment succeeded');
        const shown = await page.evaluate(() => globalThis.shownStatuses);
        assert(shown.includes('processing') && shown.at(-1) === 'succeeded', `statuses shown: ${shown.join(' → ')}`);
        // The one refresh after the card was accepted; polling would add one every 2 s of processing.
        assert(page.statusPolls <= afterLoad + 1, `${page.statusPolls - afterLoad} status requests after the load`);
        return `payment ${paymentId}: ${shown.join(' → ')}, ${page.statusPolls} status requests in all`;
      },
    ],
    [
      'with the event stream blocked the page still completes by polling',
      async () => {
        const page = await newPage();
        page.streamBlocked = true;
        await page.route(
          (url) => url.pathname.endsWith('/events'),
          (route) => route.abort(),
        );
        const paymentId = await startPayment(page);
        await payWithCard(page, CARDS.succeeds);
        await waitForStatus(page, 'Payment succeeded');
        assert(page.statusPolls >= 2, `only ${page.statusPolls} status requests: the page did not poll`);
        return `payment ${paymentId}, ${page.statusPolls} status polls`;
      },
    ],
    [
      'reload on /payment/{id} shows the final state',
      async () => {
        assert(successPage, 'needs the payment of the first scenario');
        const page = successPage;
        const before = await transactionId(page);
        await page.reload();
        await waitForStatus(page, 'Payment succeeded');
        const after = await transactionId(page);
        assert(after === before, `transaction id changed across reload (${before} → ${after})`);
        assert((await page.getByLabel('Card number', { exact: true }).count()) === 0, 'no card form after success');
        await screenshot(page, 'reloaded');
        return `still succeeded, transaction ${after}`;
      },
    ],
  ];

  try {
    for (const [name, run] of scenarios) {
      const started = Date.now();
      try {
        const detail = await run();
        results.push({ name, ok: true, detail, ms: Date.now() - started });
        log(`  ✔ ${name} (${Date.now() - started} ms) — ${detail}`);
      } catch (error) {
        results.push({ name, ok: false, error, ms: Date.now() - started });
        log(
          `  ✘ ${name}\n      ${error instanceof Error ? error.message.split('\n').join('\n      ') : String(error)}`,
        );
        for (const context of contexts) {
          for (const page of context.pages()) {
            await screenshot(page, 'failure').catch(() => {});
          }
        }
      }
    }
    const pageErrors = contexts.flatMap((c) => c.pages().flatMap((p) => p.errors ?? []));
    if (pageErrors.length) {
      results.push({ name: 'no errors in the browser console', ok: false, error: new Error(pageErrors.join('\n')) });
      log(`  ✘ browser console errors:\n      ${pageErrors.join('\n      ')}`);
    }
  } finally {
    await browser.close();
  }

  const failed = results.filter((r) => !r.ok).length;
  log(failed ? `${failed} of ${results.length} checks failed` : `All ${results.length} scenarios passed`);
  return { passed: results.length - failed, failed, results };
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runPaymentFlowE2E()
    .then(({ failed }) => process.exit(failed ? 1 : 0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
