import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { installMockApi, ok, PAYMENT_ID, sandboxConfig, statusOf } from '@/testing/mock-api';
import type { PaymentConfig } from '@/types/api-types';

import { PaymentCheckout } from './payment-checkout';

const stripe = vi.hoisted(() => ({ confirmPayment: vi.fn(), loadStripe: vi.fn() }));

vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));
vi.mock('@stripe/react-stripe-js', () => ({
  Elements: ({ children }: { children: ReactNode }) => children,
  PaymentElement: () => <div>Stripe Payment Element</div>,
  useStripe: () => ({ confirmPayment: stripe.confirmPayment }),
  useElements: () => ({ getElement: () => null }),
}));

const stripeConfig: PaymentConfig = { ...sandboxConfig, mode: 'stripe', publishableKey: 'pk_test_123', testCards: [] };

function renderCheckout() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const checkout = <PaymentCheckout config={stripeConfig} paymentId={PAYMENT_ID} />;
  render(
    <QueryClientProvider client={queryClient}>
      <Router hook={memoryLocation({ path: `/payment/${PAYMENT_ID}` }).hook}>{checkout}</Router>
    </QueryClientProvider>,
  );
}

describe('stripe mode', () => {
  it('confirms with the Payment Element without leaving the page, then follows the status', async () => {
    sessionStorage.setItem(`payment.clientSecret.${PAYMENT_ID}`, 'pi_1_secret_abc');
    let confirmed = false;
    installMockApi({
      'GET /api/payment/status/:id': () => ok(confirmed ? statusOf('succeeded') : statusOf('pending')),
    });
    stripe.loadStripe.mockResolvedValue({});
    stripe.confirmPayment.mockImplementation(() => {
      confirmed = true;
      return Promise.resolve({ paymentIntent: { status: 'succeeded' } });
    });
    renderCheckout();

    expect(await screen.findByText('Stripe Payment Element')).toBeInTheDocument();
    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_123');
    await userEvent.click(screen.getByRole('button', { name: 'Pay $12.50' }));

    expect(await screen.findByText('Payment succeeded')).toBeInTheDocument();
    expect(stripe.confirmPayment).toHaveBeenCalledWith(
      expect.objectContaining({
        redirect: 'if_required',
        confirmParams: { return_url: `${window.location.origin}/payment/${PAYMENT_ID}` },
      }),
    );
  });

  it('shows Stripe’s card error and keeps the form for another card', async () => {
    sessionStorage.setItem(`payment.clientSecret.${PAYMENT_ID}`, 'pi_1_secret_abc');
    installMockApi({ 'GET /api/payment/status/:id': () => ok(statusOf('pending')) });
    stripe.loadStripe.mockResolvedValue({});
    stripe.confirmPayment.mockResolvedValue({
      error: { type: 'card_error', message: 'Your card has insufficient funds.' },
    });
    renderCheckout();

    await userEvent.click(await screen.findByRole('button', { name: 'Pay $12.50' }));
    expect(await screen.findByText('Your card has insufficient funds.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay $12.50' })).toBeEnabled());
  });
});
