#!/usr/bin/env node
// Swagger UI walked as a QA engineer would, in real Chromium (playwright-core, no test runner): create-intent →
// confirm with a test card → status until succeeded → Authorize (admin, HTTP Basic) → reload, still authorized →
// refund → stats, each with the examples as they are or the values an earlier answer gave.
//
//   E2E_BASE_URL         app under test (default http://localhost:8080; sandbox mode)
//   E2E_ADMIN_PASSWORD   the app's PAYMENT_ADMIN_PASSWORD (required); E2E_ADMIN_USERNAME defaults to admin
//   E2E_SCREENSHOT_DIR   where screenshots go (default <frontend>/e2e-screenshots)
//   E2E_CHROMIUM_PATH    Chromium binary (default /usr/bin/chromium)
//
// Exits non-zero when a step fails.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from './payment-flow.e2e.mjs';

const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_CARDS = ['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 9995', '4000 0025 0000 3155'];

const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const screenshotDir = resolve(process.env.E2E_SCREENSHOT_DIR ?? join(FRONTEND_DIR, 'e2e-screenshots'));
const executablePath = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
const adminUsername = process.env.E2E_ADMIN_USERNAME ?? 'admin';
const adminPassword = process.env.E2E_ADMIN_PASSWORD;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** One operation's block in Swagger UI, e.g. `#operations-payment-createPaymentIntent`. */
function operation(page, tag, operationId) {
  return page.locator(`#operations-${tag}-${operationId}`);
}

async function expand(op) {
  if (!(await op.evaluate((element) => element.classList.contains('is-open')))) {
    await op.locator('.opblock-summary-control').click();
  }
  const tryItOut = op.getByRole('button', { name: 'Try it out' });
  if (await tryItOut.isVisible()) await tryItOut.click();
  await op.getByRole('button', { name: 'Execute' }).waitFor();
}

async function fillParameter(op, name, value) {
  await op.locator(`tr[data-param-name="${name}"] input`).fill(value);
}

/** The request body as shown (the selected example), with `changes` applied. */
async function editBody(op, changes) {
  const textarea = op.locator('textarea.body-param__text');
  const body = { ...JSON.parse(await textarea.inputValue()), ...changes };
  await textarea.fill(JSON.stringify(body, null, 2));
  return body;
}

/** Every fetch the page made, in order (Swagger UI's "Execute" is one). */
const fetches = [];

/**
 * Clicks Execute and checks that Swagger UI's response panel shows `expected` as the code, for a request that went
 * to the app that served the page. Returns the answer's JSON body.
 */
async function execute(op, expected) {
  const panel = op.locator('.live-responses-table');
  const clear = op.getByRole('button', { name: 'Clear' });
  if (await clear.isVisible()) {
    await clear.click(); // so that the code read below is this request's
    await panel.waitFor({ state: 'detached' });
  }
  const before = fetches.length;
  await op.getByRole('button', { name: 'Execute' }).click();
  const shown = (await panel.locator('.response .response-col_status').innerText()).trim();
  const request = fetches.slice(before).find((r) => r.url().includes('/api/'));
  const target = request ? `${request.method()} ${request.url()}` : 'a request the browser did not send';
  assert(shown === String(expected), `${target}: expected ${expected} in Swagger UI, got\n${await panel.innerText()}`);
  assert(request.url().startsWith(`${baseUrl}/api/`), `the request went to ${request.url()}, not to ${baseUrl}`);
  const body = await (await request.response()).text();
  return body ? JSON.parse(body) : null;
}

async function run() {
  assert(adminPassword, 'set E2E_ADMIN_PASSWORD to the app’s PAYMENT_ADMIN_PASSWORD');
  await mkdir(screenshotDir, { recursive: true });
  console.log(`Swagger UI e2e against ${baseUrl}; screenshots in ${screenshotDir}`);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => request.resourceType() === 'fetch' && fetches.push(request));
    const shot = (name, target = page) => target.screenshot({ path: join(screenshotDir, `swagger-${name}.png`) });
    const step = async (name, action) => {
      const started = Date.now();
      const detail = await action();
      console.log(`  ✔ ${name} (${Date.now() - started} ms)${detail ? ` — ${detail}` : ''}`);
    };

    await step('Swagger UI loads the spec served by the app', async () => {
      await page.goto(`${baseUrl}/swagger-ui.html`);
      await operation(page, 'payment', 'createPaymentIntent').waitFor();
    });

    let payment;
    await step('create-intent with the first example answers 201', async () => {
      const op = operation(page, 'payment', 'createPaymentIntent');
      await expand(op);
      payment = await execute(op, 201);
      await shot('1280-create-intent', op);
      return payment.paymentId;
    });

    await step('confirm with test card 4242 answers 200 (its description lists the test cards)', async () => {
      const op = operation(page, 'sandbox', 'confirmSandboxPayment');
      await expand(op);
      const description = await op.locator('.opblock-description').innerText();
      for (const card of TEST_CARDS) assert(description.includes(card), `confirm's description lacks ${card}`);
      await fillParameter(op, 'paymentId', payment.paymentId);
      const body = await editBody(op, { clientSecret: payment.clientSecret });
      assert(body.cardNumber.replaceAll(' ', '') === '4242424242424242', `example card is ${body.cardNumber}`);
      const answer = await execute(op, 200);
      assert(answer.outcome === 'processing', `outcome ${answer.outcome}`);
      await shot('1280-confirm', op);
    });

    await step('status, executed until succeeded, answers 200', async () => {
      const op = operation(page, 'payment', 'getPaymentStatus');
      await expand(op);
      await fillParameter(op, 'paymentId', payment.paymentId);
      const deadline = Date.now() + 20_000;
      let status;
      while ((status = (await execute(op, 200)).status) !== 'succeeded') {
        assert(Date.now() < deadline, `payment still ${status} after 20 s`);
        await page.waitForTimeout(500);
      }
      await shot('1280-status', op);
      return status;
    });

    await step('Authorize with the admin’s Basic credentials', async () => {
      await page.locator('.auth-wrapper .authorize').click();
      const dialog = page.locator('.modal-ux');
      // The dialog also offers the console's session cookie (consoleSession); this is the admin's Basic form.
      const basic = dialog.locator('form', { hasText: 'adminBasic' });
      await basic.locator('#auth-basic-username').fill(adminUsername);
      await basic.locator('#auth-basic-password').fill(adminPassword);
      await basic.locator('button.authorize').click();
      await basic.locator('button', { hasText: 'Logout' }).waitFor();
      await shot('1280-authorized', dialog);
      await basic.locator('button.btn-done').click();
    });

    await step('after a reload Swagger UI is still authorized', async () => {
      await page.reload();
      await page.locator('.auth-wrapper .authorize.locked').waitFor();
    });

    await step('refund with the first example (partial) answers 201', async () => {
      const op = operation(page, 'admin', 'refundPayment');
      await expand(op);
      await fillParameter(op, 'paymentId', payment.paymentId);
      const refund = await execute(op, 201);
      assert(refund.paymentId === payment.paymentId, `refund of ${refund.paymentId}`);
      await shot('1280-refund', op);
      return `${refund.amount} ${refund.status}`;
    });

    await step('stats answers 200 and counts the refunded payment', async () => {
      const op = operation(page, 'admin', 'getPaymentStats');
      await expand(op);
      const stats = await execute(op, 200);
      assert(stats.countsByStatus.partially_refunded >= 1, `stats: ${JSON.stringify(stats)}`);
      await shot('1280-stats', op);
      await page.setViewportSize({ width: 360, height: 800 });
      await op.locator('.live-responses-table').evaluate((panel) => panel.scrollIntoView());
      await shot('360-stats');
      await page.locator('.auth-wrapper').scrollIntoViewIfNeeded();
      await shot('360-servers-and-authorize');
    });

    assert(errors.length === 0, `errors in the page:\n${errors.join('\n')}`);
  } finally {
    await browser.close();
  }
}

run().then(
  () => console.log('Swagger UI flow passed'),
  (error) => {
    console.error(`  ✘ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
