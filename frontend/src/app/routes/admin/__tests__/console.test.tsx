import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { LIST_REFRESH_MS, PAYMENT_CHANGES_URL } from '@/features/admin/api/payments';
import { FakeEventSource } from '@/testing/fake-event-source';
import { ADMIN_PASSWORD, installMockApi, problem, seedDispute, seedPayment } from '@/testing/mock-api';

import { csrfCookie, renderConsole, signedIn } from './render-console';

// uPlot draws on <canvas>, which jsdom lacks; the data shaping is tested in daily-series.test.ts.
vi.mock('@/features/admin/components/daily-charts', () => ({
  default: ({ series }: { series: { dates: string[] } }) => <p>charts of {series.dates.length} days</p>,
}));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PAID = seedPayment(0, {
  paymentId: 'pay_paid',
  name: 'Ada Lovelace',
  status: 'succeeded',
  amount: 1250,
  currency: 'USD',
  refundedAmount: 0,
});

describe('signing in', () => {
  it('sends a signed-out visitor to sign-in, names a wrong password, then opens the page they asked for', async () => {
    const { user, url } = renderConsole('/admin/payments?status=failed');

    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), ADMIN_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Payments' })).toBeInTheDocument();
    expect(url()).toBe('/admin/payments?status=failed');
    expect(screen.getByText(/Signed in as/)).toHaveTextContent('Signed in as admin (admin)');
  });

  it('says how long to wait when sign-ins are throttled', async () => {
    const { user } = renderConsole(
      '/admin',
      installMockApi({ 'POST /api/admin/session': () => ({ ...problem(429), headers: { 'Retry-After': '900' } }) }),
    );
    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed sign-ins. Try again in 15 minutes.');
  });

  it('signs out with the CSRF token and shows sign-in again', async () => {
    const { user, api } = renderConsole('/admin/account', signedIn());
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    const signOut = api.calls.find((c) => c.method === 'DELETE');
    expect(signOut?.headers.get('X-XSRF-TOKEN')).toMatch(/^csrf-/);
  });

  it('goes back to sign-in when any request answers 401 (the session ended on the server)', async () => {
    const api = signedIn();
    const { user } = renderConsole('/admin/payments', api);
    const next = await screen.findByRole('button', { name: 'Next page' });

    api.admin.handle(
      'DELETE',
      new URL('http://x/api/admin/session'),
      new Headers({ 'X-XSRF-TOKEN': csrfCookie() }),
      undefined,
    );
    await user.click(next);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('payments list', () => {
  const refundedRows = (timeout: number) =>
    within(screen.getByRole('region', { name: 'Payments' })).findAllByText('Refunded', {}, { timeout });

  it('reads the list again when the change stream says a payment changed, at most once a second, and does not poll meanwhile', async () => {
    FakeEventSource.install();
    const api = signedIn();
    renderConsole('/admin/payments', api);
    expect(await screen.findByText('45 payments found.')).toBeInTheDocument();
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe(PAYMENT_CHANGES_URL);

    act(() => stream.open());
    // Changes made before the stream opened are not sent: it reads the list once more.
    await waitFor(() => expect(api.count('GET', '/api/admin/payments')).toBe(2));
    api.admin.payments.forEach((payment) => {
      payment.status = 'refunded';
    });
    act(() => {
      for (const [paymentId] of api.admin.payments) stream.send('changed', { paymentId, version: 3 }, '');
    });

    expect(await refundedRows(2_000)).not.toHaveLength(0);
    await sleep(LIST_REFRESH_MS + 500);
    expect(api.count('GET', '/api/admin/payments')).toBe(3);
  });

  it('polls the list when the change stream fails twice', async () => {
    FakeEventSource.install();
    const api = signedIn();
    renderConsole('/admin/payments', api);
    expect(await screen.findByText('45 payments found.')).toBeInTheDocument();
    const stream = FakeEventSource.latest();

    act(() => stream.fail());
    act(() => stream.fail());
    expect(stream.readyState).toBe(FakeEventSource.CLOSED);
    api.admin.payments.forEach((payment) => {
      payment.status = 'refunded';
    });

    expect(await refundedRows(LIST_REFRESH_MS + 2_000)).not.toHaveLength(0);
  });

  it('keeps the filters in the URL, sends them to the API and to the CSV export, and pages', async () => {
    const { user, api, url } = renderConsole('/admin/payments', signedIn());
    expect(await screen.findByText('45 payments found.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Failed' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pending' }));
    await user.type(screen.getByLabelText('Search'), 'customer');
    await user.selectOptions(screen.getByLabelText('Currency'), 'USD');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(url()).toBe('/admin/payments?status=failed&status=pending&q=customer&currency=USD'));
    const last = api.calls.filter((c) => c.path === '/api/admin/payments').at(-1);
    expect(last?.search.getAll('status')).toEqual(['failed', 'pending']);
    expect(last?.search.get('q')).toBe('customer');
    expect(await screen.findByText('7 payments found.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/admin/payments/export.csv?status=failed&status=pending&q=customer&currency=USD&sort=createdAt%2Cdesc',
    );
    const rows = within(screen.getByRole('region', { name: 'Payments' })).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows[1]).toHaveTextContent('$');

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(url()).toBe('/admin/payments?page=1'));
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('sorts by date both ways from the column header', async () => {
    const { user, url } = renderConsole('/admin/payments', signedIn());
    const header = await screen.findByRole('columnheader', { name: /Created/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(url()).toBe('/admin/payments?sort=createdAt%2Casc'));
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});

describe('payment detail', () => {
  function withPaid(role = 'admin', handlers: Parameters<typeof installMockApi>[0] = {}) {
    const api = signedIn(role, handlers);
    api.admin.payments.set(PAID.paymentId, structuredClone(PAID));
    return api;
  }

  it('reloads as soon as the payment’s status stream says it changed', async () => {
    FakeEventSource.install();
    const api = withPaid();
    renderConsole('/admin/payments/pay_paid', api);
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/payment/status/pay_paid/events');

    api.admin.payments.get('pay_paid')!.status = 'refunded';
    stream.send('status', { paymentId: 'pay_paid', status: 'refunded' }, '7');

    expect(await screen.findByText('Refunded')).toBeInTheDocument();
  });

  it('refunds an amount in major units behind a dialog, with its own Idempotency-Key, and shows it in the timeline with the actor', async () => {
    const { user, api } = renderConsole('/admin/payments/pay_paid', withPaid('olga'));
    const open = await screen.findByRole('button', { name: 'Refund…' });
    await user.click(open);

    const dialog = screen.getByRole('dialog', { name: 'Refund payment' });
    expect(dialog).toHaveTextContent('$12.50 of $12.50 can still be refunded');
    await user.click(within(dialog).getByRole('radio', { name: 'An amount' }));
    await user.type(within(dialog).getByLabelText('Amount in USD'), '5.00');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    expect(await screen.findByText('Refunded $5.00.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refund…' })).toHaveFocus();
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/refunds'));
    expect(post?.body).toEqual({ amount: 500 });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe(csrfCookie());
    const history = await screen.findByRole('heading', { name: 'History' });
    await waitFor(() => expect(history.parentElement).toHaveTextContent('Succeeded → Partially refunded'));
    expect(history.parentElement).toHaveTextContent('by olga');
  });

  it('refunds everything left, shows the server’s problem detail in place and disables the button while in flight', async () => {
    let release: () => void = () => {};
    const api = withPaid('admin', {
      'POST /api/admin/payments/:id/refunds': () =>
        new Promise((resolve) => {
          release = () =>
            resolve(
              problem(409, { title: 'Refund exceeds refundable amount', detail: 'At most 750 can still be refunded.' }),
            );
        }),
    });
    const { user } = renderConsole('/admin/payments/pay_paid', api);
    await user.click(await screen.findByRole('button', { name: 'Refund…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeDisabled());
    release();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('At most 750 can still be refunded.');
    expect(api.calls.find((c) => c.path.endsWith('/refunds'))?.body).toEqual({});
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeEnabled();
  });

  it('checks the amount before sending, and Close gives focus back to the button that opened it', async () => {
    const api = withPaid();
    const { user } = renderConsole('/admin/payments/pay_paid', api);
    await user.click(await screen.findByRole('button', { name: 'Refund…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'An amount' }));
    await user.type(within(dialog).getByLabelText('Amount in USD'), '13');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(within(dialog).getByLabelText('Amount in USD')).toHaveAccessibleDescription(
      'At most $12.50 can be refunded.',
    );
    expect(api.count('POST', '/api/admin/payments')).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refund…' })).toHaveFocus();
  });

  it('retries a refund with the same Idempotency-Key, and a new opening of the dialog gets a new one', async () => {
    const api = withPaid('admin', {
      'POST /api/admin/payments/:id/refunds': () => problem(503, { detail: 'Try again.' }),
    });
    const { user } = renderConsole('/admin/payments/pay_paid', api);
    const refund = async () => {
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Refund' }));
      await within(screen.getByRole('dialog')).findByText('Try again.');
    };
    await user.click(await screen.findByRole('button', { name: 'Refund…' }));
    await refund();
    await refund();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Refund…' }));
    await refund();

    const keys = api.calls.filter((c) => c.path.endsWith('/refunds')).map((c) => c.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('cancels a pending payment with its own Idempotency-Key', async () => {
    const api = signedIn();
    api.admin.payments.set('pay_open', seedPayment(1, { paymentId: 'pay_open', status: 'pending' }));
    const { user } = renderConsole('/admin/payments/pay_open', api);
    await user.click(await screen.findByRole('button', { name: 'Cancel payment…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel payment' }));

    expect(await screen.findByText('Payment canceled.')).toBeInTheDocument();
    const post = api.calls.find((c) => c.path.endsWith('/cancel'));
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows why a payment needs attention, a failed refund’s reason and the payment’s disputes', async () => {
    const api = withPaid();
    Object.assign(api.admin.payments.get('pay_paid') ?? {}, {
      needsAttention: true,
      attentionReason: 'A refund failed at the gateway',
      refunds: [
        {
          refundId: 're_failed',
          paymentId: 'pay_paid',
          amount: 500,
          status: 'failed',
          reason: null,
          createdAt: '2026-11-02T10:00:00Z',
          failureReason: 'expired_or_canceled_card',
        },
      ],
    });
    api.admin.disputes.set('dp_paid', seedDispute(0, { disputeId: 'dp_paid', paymentId: 'pay_paid', amount: 1250 }));
    renderConsole('/admin/payments/pay_paid', api);

    expect(await screen.findByText('Needs attention')).toBeInTheDocument();
    expect(screen.getByText('A refund failed at the gateway')).toBeInTheDocument();
    const refunds = screen.getByRole('region', { name: 'Refunds table' });
    expect(refunds).toHaveTextContent('failedexpired_or_canceled_card');
    const disputes = screen.getByRole('region', { name: 'Disputes table' });
    expect(disputes).toHaveTextContent('dp_paid');
    expect(disputes).toHaveTextContent('Needs response');
    expect(disputes).toHaveTextContent('$12.50');
    expect(disputes).toHaveTextContent('fraudulent');
    expect(
      within(disputes)
        .getByRole('row', { name: /dp_paid/ })
        .querySelector('time'),
    ).toHaveAttribute('dateTime', '2026-12-10T23:59:59Z');
  });

  it('shows a viewer no refund or cancel', async () => {
    renderConsole('/admin/payments/pay_paid', withPaid('victor'));
    expect(await screen.findByRole('heading', { name: /Payment pay_paid/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refund…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Cancel/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('links a Stripe payment to its PaymentIntent in the Dashboard', async () => {
    const api = signedIn();
    api.admin.payments.set(
      'pay_s',
      seedPayment(2, { paymentId: 'pay_s', gateway: 'stripe', gatewayReference: 'pi_123' }),
    );
    renderConsole('/admin/payments/pay_s', api);
    expect(await screen.findByRole('link', { name: /Open in Stripe Dashboard/ })).toHaveAttribute(
      'href',
      'https://dashboard.stripe.com/test/payments/pi_123',
    );
  });
});

describe('dashboard', () => {
  it('shows counts, revenue per currency and decline reasons for the range in the URL', async () => {
    const { api } = renderConsole('/admin?from=2026-11-01&to=2026-11-30', signedIn());
    const counts = await screen.findByRole('heading', { name: 'Payments by status' });
    expect(counts.parentElement).toHaveTextContent('23Succeeded');
    const revenue = within(screen.getByRole('region', { name: 'Revenue per currency' }));
    expect(revenue.getByRole('row', { name: /USD/ })).toHaveTextContent('$');
    expect(await screen.findByText(/charts of \d+ days/)).toBeInTheDocument();
    expect(screen.getByText('card_declined')).toBeInTheDocument();
    const daily = api.calls.find((c) => c.path === '/api/admin/stats/daily');
    expect(daily?.search.get('from')).toBe('2026-11-01T00:00:00Z');
    expect(daily?.search.get('to')).toBe('2026-12-01T00:00:00Z');
  });
});

describe('users', () => {
  it('lets an admin add a user, change a role and disable a user', async () => {
    const { user, api } = renderConsole('/admin/users', signedIn());
    await user.type(await screen.findByLabelText('Username'), 'nina');
    await user.type(screen.getByLabelText('Initial password'), 'a long enough pass');
    await user.selectOptions(screen.getByLabelText('Role'), 'operator');
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('User nina created.')).toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Role of nina'), 'admin');
    expect(await screen.findByText('nina is now admin.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disable victor' }));
    expect(await screen.findByText('victor is disabled.')).toBeInTheDocument();
    expect(api.admin.users.get('victor')?.enabled).toBe(false);
    expect(api.admin.users.get('nina')?.role).toBe('admin');

    await user.click(screen.getByRole('button', { name: 'Reset password of olga' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of olga' });
    await user.type(within(dialog).getByLabelText('New password'), 'another long password');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Password of olga changed.')).toBeInTheDocument();
    expect(api.admin.users.get('olga')?.password).toBe('another long password');
  });

  it('is not offered to an operator', async () => {
    renderConsole('/admin/users', signedIn('olga'));
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('lets anyone change their own password, naming a wrong current password', async () => {
    const { user, api } = renderConsole('/admin/account', signedIn('victor'));
    await user.type(await screen.findByLabelText('Current password'), 'not it');
    await user.type(screen.getByLabelText('New password'), 'a brand new password');
    await user.type(screen.getByLabelText('New password again'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByLabelText('Current password')).toHaveAccessibleDescription(
      'is not your current password',
    );

    await user.clear(screen.getByLabelText('Current password'));
    await user.type(screen.getByLabelText('Current password'), ADMIN_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expect(api.admin.users.get('victor')?.password).toBe('a brand new password');
  });
});
