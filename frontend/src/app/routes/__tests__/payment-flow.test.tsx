import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { PaymentCheckout } from '@/features/payment/components/payment-checkout';
import { FakeEventSource } from '@/testing/fake-event-source';
import { installMockApi, ok, PAYMENT_ID, problem, sandboxConfig, sequence, statusOf } from '@/testing/mock-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function renderApp(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const location = memoryLocation({ path, record: true });
  render(
    <AppProvider queryClient={queryClient}>
      <Router hook={location.hook}>
        <AppRoutes />
      </Router>
    </AppProvider>,
  );
  return { location, user: userEvent.setup() };
}

const statusRegion = () => screen.getByRole('status');

/** A pending payment on the shared mock backend, payable in this tab (its client secret stored). */
function openPaymentOnMockBackend() {
  const api = installMockApi();
  const { paymentId, clientSecret } = api.backend.createPayment();
  sessionStorage.setItem(`payment.clientSecret.${paymentId}`, clientSecret);
  return { api, paymentId, clientSecret };
}

async function fillPaymentForm(user: ReturnType<typeof userEvent.setup>, amount = '12.50', currency = 'USD') {
  await user.type(await screen.findByLabelText('Name'), 'Ada Lovelace');
  await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
  await user.selectOptions(screen.getByLabelText('Service'), 'pon-ftth');
  await user.selectOptions(screen.getByLabelText('Currency'), currency);
  await user.type(screen.getByLabelText(/^Amount/), amount);
}

async function payWithCard(user: ReturnType<typeof userEvent.setup>, number: string) {
  const cardNumber = await screen.findByLabelText('Card number');
  await user.clear(cardNumber);
  await user.type(cardNumber, number);
  await user.clear(screen.getByLabelText('Expiry (MM/YY)'));
  await user.type(screen.getByLabelText('Expiry (MM/YY)'), '1234');
  await user.clear(screen.getByLabelText('CVC'));
  await user.type(screen.getByLabelText('CVC'), '123');
  await user.click(screen.getByRole('button', { name: /^Pay / }));
}

describe('new payment form', () => {
  it('shows validation messages next to the fields and sends nothing', async () => {
    const api = installMockApi();
    const { user } = renderApp('/payment');

    await user.click(await screen.findByRole('button', { name: 'Continue to payment' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(/Enter your email address\./);
    expect(screen.getByLabelText('Service')).toHaveAccessibleDescription('Choose a service.');
    expect(screen.getByLabelText(/^Amount/)).toHaveAccessibleDescription(/Enter an amount\./);

    await user.type(screen.getByLabelText(/^Amount/), '0.4');
    expect(screen.getByText('The minimum amount is $0.50.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Amount/));
    await user.type(screen.getByLabelText(/^Amount/), '12.5');
    await user.selectOptions(screen.getByLabelText('Currency'), 'JPY');
    expect(screen.getByText('JPY amounts must be whole numbers.')).toBeInTheDocument();
    expect(api.count('POST', '/api/payment/stripe/create-intent')).toBe(0);
  });

  it('shows the server’s field errors on the right fields', async () => {
    installMockApi({
      'POST /api/payment/stripe/create-intent': () =>
        problem(400, {
          type: 'urn:payment:problem:validation-error',
          title: 'Invalid request',
          detail: 'One or more fields are invalid.',
          errors: [
            { field: 'email', message: 'This email domain does not accept mail.' },
            { field: 'amount', message: 'Amount exceeds the limit for this service.' },
          ],
        }),
    });
    const { user } = renderApp('/payment');
    await fillPaymentForm(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));

    const email = await screen.findByLabelText(/^Email/);
    await waitFor(() => expect(email).toHaveAccessibleDescription(/This email domain does not accept mail\./));
    expect(screen.getByLabelText(/^Amount/)).toHaveAccessibleDescription(/Amount exceeds the limit for this service\./);
    expect(screen.getByLabelText(/^Amount/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(email).toHaveFocus();
  });

  it('creates exactly one payment on a double click, converts the amount, and opens the payment', async () => {
    let resolveCreate: () => void = () => {};
    const api = installMockApi({
      'POST /api/payment/stripe/create-intent': async () => {
        await new Promise<void>((r) => (resolveCreate = r));
        return ok(
          { paymentId: PAYMENT_ID, clientSecret: 'pi_1_secret_abc', status: 'pending', amount: 1500, currency: 'KWD' },
          201,
        );
      },
      'GET /api/payment/status/:id': () => ok(statusOf('pending', { amount: 1500, currency: 'KWD' })),
    });
    const { user, location } = renderApp('/');
    await fillPaymentForm(user, '1.5', 'KWD');
    expect(screen.getByText('You will pay KWD 1.500')).toBeInTheDocument();

    const button = screen.getByRole('button', { name: 'Continue to payment' });
    await user.dblClick(button);
    expect(screen.getByRole('button', { name: /Starting your payment/ })).toBeDisabled();
    resolveCreate();

    await waitFor(() => expect(location.history.at(-1)).toBe(`/payment/${PAYMENT_ID}`));
    expect(api.count('POST', '/api/payment/stripe/create-intent')).toBe(1);
    const create = api.calls.find((c) => c.method === 'POST');
    expect(create?.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      serviceType: 'pon-ftth',
      amount: 1500,
      currency: 'KWD',
    });
    expect(create?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sessionStorage.getItem(`payment.clientSecret.${PAYMENT_ID}`)).toBe('pi_1_secret_abc');
    expect(await screen.findByLabelText('Card number')).toBeInTheDocument();
  });
});

describe('payment status page', () => {
  it('shows each status as it moves and stops polling at a final status', async () => {
    const next = sequence(statusOf('pending'), statusOf('processing'), statusOf('succeeded'));
    const config = { ...sandboxConfig, pollIntervalMs: 250 }; // slow enough to observe each step
    const api = installMockApi({
      'GET /api/payment/config': () => ok(config),
      'GET /api/payment/status/:id': () => ok(next()),
    });
    renderApp(`/payment/${PAYMENT_ID}`);

    expect(await screen.findByText('Waiting for payment')).toBeInTheDocument();
    expect(await screen.findByText('Processing your payment…')).toBeInTheDocument();
    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
    expect(within(statusRegion()).getByText('ch_test_123')).toBeInTheDocument();
    expect(statusRegion()).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('$12.50')).toBeInTheDocument();

    const callsAtFinal = api.count('GET', '/api/payment/status/');
    await sleep(config.pollIntervalMs * 3);
    expect(api.count('GET', '/api/payment/status/')).toBe(callsAtFinal);
  });

  it('after a failure lets the customer try another card on the same payment, and resumes polling', async () => {
    sessionStorage.setItem(`payment.clientSecret.${PAYMENT_ID}`, 'pi_1_secret_abc');
    let accepted = false;
    const afterRetry = sequence(statusOf('processing'), statusOf('succeeded'));
    const api = installMockApi({
      'GET /api/payment/status/:id': () => ok(accepted ? afterRetry() : statusOf('failed')),
      'POST /api/payment/sandbox/payments/:id/confirm': () => {
        accepted = true;
        return ok({ paymentId: PAYMENT_ID, outcome: 'processing', declineCode: null, message: null });
      },
    });
    const { user } = renderApp(`/payment/${PAYMENT_ID}`);

    expect(await screen.findByText('Payment failed')).toBeInTheDocument();
    expect(within(statusRegion()).getByText('Your card was declined.')).toBeInTheDocument();
    // failed is not final, but nothing happens until the customer acts: polling pauses
    const callsWhileFailed = api.count('GET', '/api/payment/status/');
    await sleep(sandboxConfig.pollIntervalMs * 6);
    expect(api.count('GET', '/api/payment/status/')).toBe(callsWhileFailed);

    await user.click(screen.getByRole('button', { name: 'Try another card' }));
    await waitFor(() => expect(screen.getByLabelText('Card number')).toHaveFocus());
    await payWithCard(user, '4242424242424242');

    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
    const confirm = api.calls.find((c) => c.path.endsWith('/confirm'));
    expect(confirm?.body).toEqual({
      clientSecret: 'pi_1_secret_abc',
      cardNumber: '4242 4242 4242 4242',
      expiry: '12/34',
      cvc: '123',
    });
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();
  });

  it('shows a decline from the sandbox and succeeds with another card', async () => {
    const { paymentId } = openPaymentOnMockBackend();
    const { user } = renderApp(`/payment/${paymentId}`);

    await payWithCard(user, '4000000000000002');
    expect(await screen.findByText('Card declined')).toBeInTheDocument();
    expect(await screen.findByText('Payment failed')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Card number')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: /Use test card 4242 4242 4242 4242/ }));
    expect(screen.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    await user.click(screen.getByRole('button', { name: /^Pay / }));
    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
  });

  it('asks for 3-D Secure and completes on Approve', async () => {
    const { paymentId, clientSecret, api } = openPaymentOnMockBackend();
    const { user } = renderApp(`/payment/${paymentId}`);

    await payWithCard(user, '4000002500003155');
    const heading = await screen.findByRole('heading', { name: '3-D Secure' });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
    expect(api.calls.find((c) => c.path.endsWith('/authenticate'))?.body).toEqual({ clientSecret, approve: true });
  });

  it('shows a card error from the server on the card number field', async () => {
    sessionStorage.setItem(`payment.clientSecret.${PAYMENT_ID}`, 'pi_1_secret_abc');
    installMockApi({
      'GET /api/payment/status/:id': () => ok(statusOf('pending')),
      'POST /api/payment/sandbox/payments/:id/confirm': () =>
        problem(400, { errors: [{ field: 'cardNumber', message: 'Use one of the sandbox test cards.' }] }),
    });
    const { user } = renderApp(`/payment/${PAYMENT_ID}`);
    await payWithCard(user, '5555555555554444');
    await waitFor(() =>
      expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription('Use one of the sandbox test cards.'),
    );
  });

  it('on reload without the client secret shows the status but no card form', async () => {
    installMockApi({
      'GET /api/payment/status/:id': () => ok(statusOf('succeeded')),
    });
    renderApp(`/payment/${PAYMENT_ID}`);
    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Make another payment' })).toHaveAttribute('href', '/payment');
  });

  it('says so when the payment does not exist', async () => {
    installMockApi({
      'GET /api/payment/status/:id': () => problem(404, { title: 'Not found' }),
    });
    renderApp('/payment/pay_doesnotexist0000000000000');
    expect(await screen.findByText('We could not find this payment')).toBeInTheDocument();
  });
});

describe('live status', () => {
  it('shows each status from the event stream and does not poll while the stream works', async () => {
    FakeEventSource.install();
    const api = installMockApi({ 'GET /api/payment/status/:id': () => ok(statusOf('pending')) });
    renderApp(`/payment/${PAYMENT_ID}`);
    const stream = await waitFor(() => FakeEventSource.latest());
    expect(stream.url).toBe(`/api/payment/status/${PAYMENT_ID}/events`);

    stream.open();
    act(() => stream.send('status', statusOf('processing'), '1'));
    expect(await screen.findByText('Processing your payment…')).toBeInTheDocument();
    await sleep(sandboxConfig.pollIntervalMs + 200);
    act(() => stream.send('status', statusOf('succeeded', { transactionId: 'ch_live' }), '2'));

    expect(await within(statusRegion()).findByText('Payment succeeded')).toBeInTheDocument();
    expect(api.count('GET', '/api/payment/status/')).toBe(1);
    expect(stream.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('falls back to polling when the stream fails twice', async () => {
    FakeEventSource.install();
    const api = installMockApi({
      'GET /api/payment/status/:id': sequence(ok(statusOf('processing')), ok(statusOf('succeeded'))),
    });
    renderApp(`/payment/${PAYMENT_ID}`);
    const stream = await waitFor(() => FakeEventSource.latest());
    stream.open();
    act(() => stream.send('status', statusOf('processing'), '1'));
    expect(await screen.findByText('Processing your payment…')).toBeInTheDocument();
    await sleep(sandboxConfig.pollIntervalMs + 200);
    expect(api.count('GET', '/api/payment/status/')).toBe(1);

    act(() => stream.fail());
    act(() => stream.fail());

    expect(
      await within(statusRegion()).findByText(
        'Payment succeeded',
        {},
        { timeout: sandboxConfig.pollIntervalMs + 2000 },
      ),
    ).toBeInTheDocument();
    expect(api.count('GET', '/api/payment/status/')).toBe(2);
    expect(stream.readyState).toBe(FakeEventSource.CLOSED);
  });
});

describe('slow payments', () => {
  it('after the threshold says we will email, and keeps polling more slowly', async () => {
    const api = installMockApi({ 'GET /api/payment/status/:id': () => ok(statusOf('processing')) });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const checkout = (
      <PaymentCheckout config={sandboxConfig} paymentId={PAYMENT_ID} slowAfterMs={150} slowPollIntervalMs={120} />
    );
    render(
      <AppProvider queryClient={queryClient}>
        <Router hook={memoryLocation().hook}>{checkout}</Router>
      </AppProvider>,
    );

    expect(await screen.findByText('Processing your payment…')).toBeInTheDocument();
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'This is taking longer than usual — we will email you when it completes.',
        {},
        { timeout: 2000 },
      ),
    ).toBeInTheDocument();

    const before = api.count('GET', '/api/payment/status/');
    await sleep(300);
    const polled = api.count('GET', '/api/payment/status/') - before;
    expect(polled).toBeGreaterThanOrEqual(1); // still polling…
    expect(polled).toBeLessThanOrEqual(4); // …but every 120 ms, not every 25 ms
  });
});
