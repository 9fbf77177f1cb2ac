import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { installMockApi, ok, problem, sandboxConfig } from '@/testing/mock-api';
import type { PaymentConfig } from '@/types/api-types';

import type * as CheckoutSessionApi from '../api/create-checkout-session';
import { goToCheckout } from '../api/create-checkout-session';
import { saveCheckoutRequest } from '../utils/checkout-request-store';

import { CheckoutCanceledNotice } from './checkout-canceled-notice';
import { PaymentForm } from './payment-form';

vi.mock('../api/create-checkout-session', async (importOriginal) => ({
  ...(await importOriginal<typeof CheckoutSessionApi>()),
  goToCheckout: vi.fn(),
}));

const hostedConfig: PaymentConfig = { ...sandboxConfig, checkout: 'hosted' };
const PAYMENT_ID = 'pay_HostedCheckoutTest000001';
const SESSION_URL = 'https://checkout.stripe.com/c/pay/cs_test_a1hosted';
const REQUEST = {
  data: { name: 'Ada Lovelace', email: 'ada@example.com', serviceType: 'pon-ftth', amount: 1250, currency: 'USD' },
  idempotencyKey: 'key-from-the-first-attempt',
};

function renderWithQueries(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return userEvent.setup();
}

afterEach(() => {
  vi.mocked(goToCheckout).mockClear();
  sessionStorage.clear();
});

describe('hosted checkout', () => {
  it('in hosted mode the form opens a checkout session and sends the customer to its page', async () => {
    const api = installMockApi({
      'POST /api/payment/stripe/checkout-session': () => ok({ paymentId: PAYMENT_ID, url: SESSION_URL }, 201),
    });
    const onCreated = vi.fn();
    const user = renderWithQueries(<PaymentForm config={hostedConfig} onCreated={onCreated} />);

    await user.type(screen.getByLabelText('Name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.selectOptions(screen.getByLabelText('Service'), 'pon-ftth');
    await user.type(screen.getByLabelText(/^Amount/), '12.50');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));

    await waitFor(() => expect(goToCheckout).toHaveBeenCalledWith(SESSION_URL));
    const [call] = api.calls.filter((c) => c.path === '/api/payment/stripe/checkout-session');
    expect(call?.body).toEqual(REQUEST.data);
    expect(call?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(api.count('POST', '/api/payment/stripe/create-intent')).toBe(0);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('back from the hosted page, the retry reopens the same payment with the same Idempotency-Key', async () => {
    saveCheckoutRequest(PAYMENT_ID, REQUEST);
    const api = installMockApi({
      'POST /api/payment/stripe/checkout-session': () => ok({ paymentId: PAYMENT_ID, url: SESSION_URL }),
    });
    const user = renderWithQueries(<CheckoutCanceledNotice paymentId={PAYMENT_ID} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Payment not completed');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(goToCheckout).toHaveBeenCalledWith(SESSION_URL));
    const [call] = api.calls.filter((c) => c.path === '/api/payment/stripe/checkout-session');
    expect(call?.headers.get('Idempotency-Key')).toBe(REQUEST.idempotencyKey);
    expect(call?.body).toEqual(REQUEST.data);
  });

  it('a retry the server refuses (already paid) says why and stays on the page', async () => {
    saveCheckoutRequest(PAYMENT_ID, REQUEST);
    installMockApi({
      'POST /api/payment/stripe/checkout-session': () =>
        problem(409, { detail: `payment ${PAYMENT_ID} has already been paid` }),
    });
    const user = renderWithQueries(<CheckoutCanceledNotice paymentId={PAYMENT_ID} />);

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(/has already been paid/)).toBeInTheDocument();
    expect(goToCheckout).not.toHaveBeenCalled();
  });
});
