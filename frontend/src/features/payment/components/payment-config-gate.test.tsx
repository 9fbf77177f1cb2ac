import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { installMockApi, ok, sandboxConfig } from '@/testing/mock-api';
import type { PaymentConfig } from '@/types/api-types';

import { PaymentConfigGate } from './payment-config-gate';

function renderGate(config: PaymentConfig) {
  installMockApi({ 'GET /api/payment/config': () => ok(config) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <PaymentConfigGate>{(loaded) => <p>Form in {loaded.mode} mode</p>}</PaymentConfigGate>
    </QueryClientProvider>,
  );
}

describe('PaymentConfigGate', () => {
  it('marks a sandbox page as one where no real money moves', async () => {
    renderGate(sandboxConfig);

    expect(await screen.findByText('Form in sandbox mode')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Sandbox — no real money moves; use the test cards.');
  });

  it('shows no sandbox note when payments go through Stripe', async () => {
    renderGate({ ...sandboxConfig, mode: 'stripe', publishableKey: 'pk_test_123', testCards: [] });

    expect(await screen.findByText('Form in stripe mode')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
