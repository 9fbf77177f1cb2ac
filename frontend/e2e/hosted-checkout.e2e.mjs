#!/usr/bin/env node
// End-to-end test of the hosted checkout flow in real Chromium, against the app in sandbox mode with
// PAYMENT_CHECKOUT=hosted: the Payment page sends the customer to the sandbox's imitation of Stripe's hosted page
// (/sandbox/checkout/{sessionId}), which returns to /payment/{paymentId}.
//
//   E2E_BASE_URL        app under test (default http://localhost:8080)
//   E2E_SCREENSHOT_DIR  where screenshots go (default <frontend>/e2e-screenshots)
//   E2E_CHROMIUM_PATH   Chromium binary (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS      how long to wait for a payment to settle (default 30000)
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from './payment-flow.e2e.mjs';

const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const screenshotDir = resolve(process.env.E2E_SCREENSHOT_DIR ?? join(FRONTEND_DIR, 'e2e-screenshots'));
const settleTimeout = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

class AssertionError extends Error {}
function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

const PAYMENT_PAGE = /\/payment\/(pay_[A-Za-z0-9_-]{22,})\?/;
const CHECKOUT_PAGE = /\/sandbox\/checkout\/(cs_[A-Za-z0-9_]+)$/;

async function main() {
  await mkdir(screenshotDir, { recursive: true });
  console.log(`Hosted checkout e2e against ${baseUrl}; screenshots in ${screenshotDir}`);
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const errors = [];
  let failed = 0;

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  async function startHostedPayment(page) {
    await page.goto(`${baseUrl}/payment`);
    await page.getByLabel('Name', { exact: true }).waitFor();
    const config = await page.evaluate(async () => (await fetch('/api/payment/config')).json());
    assert(
      config.mode === 'sandbox' && config.checkout === 'hosted',
      `needs sandbox + hosted: ${JSON.stringify(config)}`,
    );
    await page.getByLabel('Name', { exact: true }).fill('E2E Customer');
    await page.getByLabel('Email', { exact: true }).fill('e2e.customer@example.com');
    await page.getByLabel('Service', { exact: true }).selectOption(config.serviceTypes[0].id);
    await page.getByLabel('Currency', { exact: true }).selectOption('USD');
    await page.getByLabel('Amount', { exact: true }).fill('12.50');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(CHECKOUT_PAGE);
    return CHECKOUT_PAGE.exec(page.url())[1];
  }

  async function payWithCard(page, number) {
    await page.getByLabel('Card number', { exact: true }).fill(number);
    await page.getByLabel('Expiry (MM/YY)', { exact: true }).fill('12/34');
    await page.getByLabel('CVC', { exact: true }).fill('123');
    await page.getByRole('button', { name: /^Pay / }).click();
  }

  async function succeededWithTransactionId(page) {
    await page.waitForURL(PAYMENT_PAGE);
    const status = page.getByRole('status');
    await status.getByText('Payment succeeded', { exact: true }).waitFor({ timeout: settleTimeout });
    const match = /Transaction ID:\s*(\S+)/.exec(await status.innerText());
    assert(match, 'no transaction id in the status region');
    return { paymentId: PAYMENT_PAGE.exec(page.url())[1], transactionId: match[1] };
  }

  const scenarios = [
    [
      'card 4242 on the hosted page → back on the Payment page → succeeded with a transaction id',
      async () => {
        const page = await newPage();
        const sessionId = await startHostedPayment(page);
        await page.screenshot({ path: join(screenshotDir, 'hosted-01-checkout-page.png'), fullPage: true });
        await payWithCard(page, '4242 4242 4242 4242');
        const { paymentId, transactionId } = await succeededWithTransactionId(page);
        assert(page.url().includes(`session_id=${sessionId}`), `success URL names the session: ${page.url()}`);
        await page.screenshot({ path: join(screenshotDir, 'hosted-02-succeeded.png'), fullPage: true });
        return `payment ${paymentId}, transaction ${transactionId}`;
      },
    ],
    [
      'back (cancel) on the hosted page → "payment not completed" → retry reopens the session → succeeded',
      async () => {
        const page = await newPage();
        const sessionId = await startHostedPayment(page);
        await page.getByRole('link', { name: /Back \(cancel\)/ }).click();
        await page.waitForURL(/\?canceled=1$/);
        const paymentId = PAYMENT_PAGE.exec(page.url())[1];
        await page.getByText('Payment not completed').waitFor();
        await page.screenshot({ path: join(screenshotDir, 'hosted-03-canceled.png'), fullPage: true });
        await page.getByRole('button', { name: 'Try again' }).click();
        await page.waitForURL(CHECKOUT_PAGE);
        const reopened = CHECKOUT_PAGE.exec(page.url())[1];
        assert(reopened === sessionId, `the retry reopens the open session (${sessionId} → ${reopened})`);
        await payWithCard(page, '4242 4242 4242 4242');
        const result = await succeededWithTransactionId(page);
        assert(result.paymentId === paymentId, `same payment after the retry (${paymentId} → ${result.paymentId})`);
        return `payment ${paymentId}, transaction ${result.transactionId}`;
      },
    ],
  ];

  try {
    for (const [name, run] of scenarios) {
      try {
        console.log(`  ✔ ${name} — ${await run()}`);
      } catch (error) {
        failed += 1;
        console.log(`  ✘ ${name}\n      ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (errors.length) {
      failed += 1;
      console.log(`  ✘ browser errors:\n      ${errors.join('\n      ')}`);
    }
  } finally {
    await browser.close();
  }
  console.log(failed ? `${failed} checks failed` : `All ${scenarios.length} scenarios passed`);
  return failed;
}

main()
  .then((failed) => process.exit(failed ? 1 : 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
