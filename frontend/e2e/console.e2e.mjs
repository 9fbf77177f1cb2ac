#!/usr/bin/env node
// End-to-end test of the payments console (/admin) in real Chromium against the app in sandbox mode: sign-in,
// filters, detail, refund with the actor in the timeline, CSV export, the list updated by its change stream without
// polling, users and roles, CSRF, sign-out; axe-core
// on every console page (serious or critical violations fail); screenshots at 1280 and 360 px.
//
//   E2E_BASE_URL         app under test (default http://localhost:8080)
//   E2E_ADMIN_PASSWORD   the configured admin's password (PAYMENT_ADMIN_PASSWORD; username admin)
//   E2E_SCREENSHOT_DIR   where screenshots go (default <frontend>/e2e-screenshots)
//   E2E_CHROMIUM_PATH    Chromium binary (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS       how long to wait for the payment to succeed (default 30000)
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from './payment-flow.e2e.mjs';

const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? '';
const screenshotDir = resolve(process.env.E2E_SCREENSHOT_DIR ?? join(FRONTEND_DIR, 'e2e-screenshots'));
const settleTimeout = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

class AssertionError extends Error {}
function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

async function api(path, init = {}) {
  const response = await fetch(baseUrl + path, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  const body = await response.json();
  assert(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** A USD 12.50 payment made and paid with 4242… through the public API, as the Payment page would. */
async function paidPayment(email) {
  const config = await api('/api/payment/config');
  assert(config.mode === 'sandbox', `the app must run in sandbox mode (mode is "${config.mode}")`);
  const created = await api('/api/payment/stripe/create-intent', {
    method: 'POST',
    headers: { 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      name: 'Console E2E',
      email,
      serviceType: config.serviceTypes[0].id,
      amount: 1250,
      currency: 'USD',
    }),
  });
  await api(`/api/payment/sandbox/payments/${created.paymentId}/confirm`, {
    method: 'POST',
    body: JSON.stringify({
      clientSecret: created.clientSecret,
      cardNumber: '4242424242424242',
      expiry: '12/34',
      cvc: '123',
    }),
  });
  const deadline = Date.now() + settleTimeout;
  for (;;) {
    const status = await api(`/api/payment/status/${created.paymentId}`);
    if (status.status === 'succeeded') return created.paymentId;
    assert(Date.now() < deadline, `payment still ${status.status} after ${settleTimeout} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function main() {
  assert(adminPassword, 'set E2E_ADMIN_PASSWORD');
  await mkdir(screenshotDir, { recursive: true });
  console.log(`Console e2e against ${baseUrl}; screenshots in ${screenshotDir}`);
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const errors = [];
  const axeChecked = [];

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    // CSP violations and failed requests show up here: the console must need nothing the policy forbids.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 40[13]/.test(msg.text())) errors.push(msg.text());
    });
    return page;
  }

  /** axe-core in the page (evaluated through DevTools, which the page's CSP does not restrict). */
  async function checkAccessibility(page, name) {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await globalThis.axe.run(globalThis.document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert(violations.length === 0, `axe on ${name}:\n        ${violations.join('\n        ')}`);
    axeChecked.push(name);
  }

  async function screenshots(page, name) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(screenshotDir, `console-${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function signIn(page, username, password) {
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${username}`).waitFor();
  }

  /** A fetch from the page with its cookies; `csrf` adds the XSRF-TOKEN cookie's value as the console does. */
  const postFromPage = (page, path, csrf) =>
    page.evaluate(
      async ({ path, csrf }) => {
        const token = /XSRF-TOKEN=([^;]*)/.exec(globalThis.document.cookie)?.[1];
        const response = await fetch(path, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': crypto.randomUUID(),
            ...(csrf && token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {}),
          },
          body: JSON.stringify({ amount: 100 }),
        });
        return { status: response.status, body: await response.text() };
      },
      { path, csrf },
    );

  const email = `console.e2e.${Date.now()}@example.com`;
  const viewer = { username: `viewer${Date.now() % 100000}`, password: 'viewer-password-e2e' };
  let failed = 0;
  try {
    const paymentId = await paidPayment(email);
    console.log(`  ✔ paid ${paymentId} through the API`);
    const refundPath = `/api/admin/payments/${paymentId}/refunds`;

    const page = await newPage();
    await page.goto(`${baseUrl}/admin/payments`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await checkAccessibility(page, 'sign-in');
    await signIn(page, 'admin', adminPassword);
    await page.getByRole('heading', { name: 'Payments' }).waitFor();
    await checkAccessibility(page, 'payments');

    await page.getByRole('checkbox', { name: 'Succeeded' }).check();
    await page.getByLabel('Search').fill(email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('1 payments found.').waitFor();
    assert(page.url().includes('status=succeeded'), `filters in the URL: ${page.url()}`);
    await screenshots(page, 'payments');

    await page.getByRole('link', { name: 'Console E2E' }).click();
    await page.getByRole('heading', { name: `Payment ${paymentId}` }).waitFor();
    await checkAccessibility(page, 'payment detail');

    const noCsrf = await postFromPage(page, refundPath, false);
    assert(noCsrf.status === 403, `a refund without the CSRF token answered ${noCsrf.status}: ${noCsrf.body}`);
    console.log('  ✔ a refund with the session cookie but no CSRF token is refused (403)');

    await page.getByRole('button', { name: 'Refund…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund payment' });
    await dialog.getByRole('radio', { name: 'An amount' }).check();
    await dialog.getByLabel('Amount in USD').fill('5.00');
    await checkAccessibility(page, 'refund dialog');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByText('Refunded $5.00.').waitFor();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'History' }) });
    await history.getByText('Succeeded → Partially refunded').waitFor();
    const refundEntry = await history.locator('li', { hasText: 'Succeeded → Partially refunded' }).innerText();
    assert(refundEntry.includes('by admin'), `the refund's history entry names the actor: ${refundEntry}`);
    console.log('  ✔ refunded $5.00 in the console; the timeline shows it by admin');
    await screenshots(page, 'detail');

    const changesOpened = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/payments/events');
    await page.getByRole('link', { name: 'Payments', exact: true }).click();
    await page.getByLabel('Search').fill(email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('1 payments found.').waitFor();
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.context().request.get(baseUrl + href);
    const csvText = await csv.text();
    assert(csv.status() === 200, `export answered ${csv.status()}`);
    const row = csvText.split(/\r?\n/).find((line) => line.includes(paymentId));
    assert(row && row.includes(email), `the CSV holds the payment's row:\n${csvText.slice(0, 500)}`);
    console.log(`  ✔ the CSV export holds the payment: ${row}`);

    assert((await changesOpened).status() === 200, 'the list opened its change stream');
    await page.waitForTimeout(1_000); // the list is read once more when the stream opens
    const listReads = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/admin/payments') listReads.push(request.url());
    });
    await page.waitForTimeout(6_000); // longer than the polling interval (5 s)
    assert(listReads.length === 0, `the list polled while its change stream was open: ${listReads.join(', ')}`);
    await api(refundPath, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}` },
      body: '{}',
    });
    await page.getByRole('region', { name: 'Payments' }).getByText('Refunded', { exact: true }).waitFor();
    console.log('  ✔ the list shows a refund made elsewhere at once, without polling or a reload');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await checkAccessibility(page, 'dashboard');

    await page.getByRole('link', { name: 'Disputes' }).click();
    await page.getByRole('heading', { name: 'Disputes' }).waitFor();
    await page.getByText(/disputes found/).waitFor({ state: 'attached' });
    await checkAccessibility(page, 'disputes');
    await screenshots(page, 'disputes');

    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Gateway events' }).waitFor();
    await page.getByText(/events found/).waitFor({ state: 'attached' });
    await checkAccessibility(page, 'events');
    await screenshots(page, 'events');

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Add a user' }).waitFor();
    await page.getByLabel('Username').fill(viewer.username);
    await page.getByLabel('Initial password').fill(viewer.password);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`User ${viewer.username} created.`).waitFor();
    await checkAccessibility(page, 'users');
    console.log(`  ✔ created the viewer ${viewer.username} on the Users page`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const afterSignOut = await page.evaluate(async () => (await fetch('/api/admin/session')).status);
    assert(afterSignOut === 401, `after sign-out the session answers ${afterSignOut}`);
    console.log('  ✔ signed out: the session is gone (401)');

    const viewerPage = await newPage();
    await viewerPage.goto(`${baseUrl}/admin/payments/${paymentId}`);
    await signIn(viewerPage, viewer.username, viewer.password);
    await viewerPage.getByRole('heading', { name: `Payment ${paymentId}` }).waitFor();
    assert((await viewerPage.getByRole('button', { name: 'Refund…' }).count()) === 0, 'a viewer sees no Refund');
    const asViewer = await postFromPage(viewerPage, refundPath, true);
    assert(asViewer.status === 403, `a viewer's refund with the CSRF token answered ${asViewer.status}`);
    console.log("  ✔ a viewer sees no refund button and a viewer's refund POST is refused (403)");
    await viewerPage.getByRole('button', { name: 'Sign out' }).click();
    await viewerPage.getByRole('button', { name: 'Sign in' }).waitFor();
    console.log('  ✔ the viewer signed out');
    console.log(`  ✔ axe-core: no serious or critical violations on ${axeChecked.join(', ')}`);
  } catch (error) {
    failed += 1;
    console.log(`  ✘ ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
  }
  if (errors.length) {
    failed += 1;
    console.log(`  ✘ browser errors:\n      ${errors.join('\n      ')}`);
  }
  console.log(failed ? 'The console e2e failed' : 'The console e2e passed');
  return failed;
}

main()
  .then((failed) => process.exit(failed ? 1 : 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
