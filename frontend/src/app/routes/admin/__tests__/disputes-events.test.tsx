import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { csrfCookie, renderConsole, signedIn } from './render-console';

describe('disputes', () => {
  it('lists disputes filtered by status from the URL and pages', async () => {
    const api = signedIn('victor');
    for (let i = 10; i < 35; i++)
      api.admin.disputes.set(`dp_more${i}`, { ...api.admin.disputes.get('dp_seed0')!, disputeId: `dp_more${i}` });
    const { user, url } = renderConsole('/admin/disputes', api);
    expect(await screen.findByText('28 disputes found.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(url()).toBe('/admin/disputes?page=1'));
    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'Won');
    await waitFor(() => expect(url()).toBe('/admin/disputes?status=won'));
    expect(await screen.findByText('1 disputes found.')).toBeInTheDocument();
    expect(
      api.calls
        .filter((c) => c.path === '/api/admin/disputes')
        .at(-1)
        ?.search.get('status'),
    ).toBe('won');
    const rows = within(screen.getByRole('region', { name: 'Disputes' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('dp_seed8');
    expect(rows[1]).toHaveTextContent('Won');
  });

  it('submits evidence with its own Idempotency-Key and the CSRF token, then shows who submitted', async () => {
    const { user, api } = renderConsole('/admin/disputes', signedIn('olga'));
    await user.click(await screen.findByRole('button', { name: 'dp_seed0' }));
    const dialog = screen.getByRole('dialog', { name: 'Dispute dp_seed0' });
    expect(dialog).toHaveTextContent('Needs response');

    await user.type(within(dialog).getByLabelText('Product description'), 'Fibre installation');
    await user.type(within(dialog).getByLabelText('Other evidence'), 'winning_evidence');
    await user.click(within(dialog).getByRole('checkbox', { name: /Submit to the card network/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Submit evidence' }));

    expect(await within(dialog).findByText('Evidence submitted.')).toBeInTheDocument();
    expect(within(dialog).getByText('Under review')).toBeInTheDocument();
    const post = api.calls.find((c) => c.path === '/api/admin/disputes/dp_seed0/evidence');
    expect(post?.body).toEqual({
      productDescription: 'Fibre installation',
      customerCommunication: null,
      uncategorizedText: 'winning_evidence',
      submit: true,
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe(csrfCookie());
    expect(api.admin.disputes.get('dp_seed0')?.evidenceSubmittedBy).toBe('olga');
  });

  it('accepts the loss only after a confirmation, with a key of its own', async () => {
    const { user, api } = renderConsole('/admin/disputes', signedIn('olga'));
    await user.click(await screen.findByRole('button', { name: 'dp_seed0' }));
    const dialog = screen.getByRole('dialog', { name: 'Dispute dp_seed0' });
    await user.click(within(dialog).getByRole('button', { name: 'Save evidence' }));
    await within(dialog).findByText('Evidence saved.');
    await user.click(screen.getByRole('button', { name: 'Close' }));

    await user.click(await screen.findByRole('button', { name: 'dp_seed0' }));
    const again = screen.getByRole('dialog', { name: 'Dispute dp_seed0' });
    await user.click(within(again).getByRole('button', { name: 'Accept the loss…' }));
    expect(api.count('POST', '/api/admin/disputes/dp_seed0/close')).toBe(0);
    await user.click(within(again).getByRole('button', { name: 'Accept the loss' }));

    expect(await within(again).findByText('Dispute closed: the loss is accepted.')).toBeInTheDocument();
    const [evidence, close] = api.calls.filter((c) => c.path.startsWith('/api/admin/disputes/dp_seed0/'));
    expect(close?.path).toBe('/api/admin/disputes/dp_seed0/close');
    expect(close?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(close?.headers.get('Idempotency-Key')).not.toBe(evidence?.headers.get('Idempotency-Key'));
    expect(api.admin.disputes.get('dp_seed0')).toMatchObject({ status: 'lost', closedBy: 'olga' });
  });

  it('shows a viewer the dispute without evidence or accept', async () => {
    const { user } = renderConsole('/admin/disputes', signedIn('victor'));
    await user.click(await screen.findByRole('button', { name: 'dp_seed0' }));
    const dialog = screen.getByRole('dialog', { name: 'Dispute dp_seed0' });
    expect(within(dialog).queryByRole('button', { name: /evidence/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: /Accept the loss/ })).not.toBeInTheDocument();
  });
});

describe('gateway events', () => {
  it('sends the filters from the URL to the API and pages', async () => {
    const { user, api, url } = renderConsole('/admin/events', signedIn('victor'));
    expect(await screen.findByText('25 events found.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Type'), 'payment_intent.succeeded');
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Applied');
    await user.type(screen.getByLabelText('Received from'), '2026-11-01');
    await user.type(screen.getByLabelText('Received to'), '2026-11-10');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(url()).toBe('/admin/events?type=payment_intent.succeeded&outcome=applied&from=2026-11-01&to=2026-11-10'),
    );
    const last = api.calls.filter((c) => c.path === '/api/admin/events').at(-1);
    expect(Object.fromEntries(last?.search ?? [])).toEqual({
      type: 'payment_intent.succeeded',
      outcome: 'applied',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-11T00:00:00Z',
      page: '0',
      size: '20',
    });
    expect(await screen.findByText('5 events found.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Backfill' })).not.toBeInTheDocument();
  });

  it('opens an event with its payload and replays it', async () => {
    const { user, api } = renderConsole('/admin/events?outcome=failed', signedIn('olga'));
    await user.click(await screen.findByRole('link', { name: 'evt_seed3' }));

    expect(await screen.findByRole('heading', { name: 'Event evt_seed3' })).toBeInTheDocument();
    expect(screen.getByText('QueryTimeoutException')).toBeInTheDocument();
    expect(screen.getByLabelText('Event payload')).toHaveTextContent('"type": "payment_intent.payment_failed"');
    await user.click(screen.getByRole('button', { name: 'Replay' }));

    expect(await screen.findByText(/Replayed:/)).toHaveTextContent('Replayed: applied.');
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/admin/events/evt_seed3/replay');
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe(csrfCookie());
    await waitFor(() => expect(screen.queryByText('QueryTimeoutException')).not.toBeInTheDocument());
  });

  it('hides Replay from a viewer', async () => {
    renderConsole('/admin/events/evt_seed1', signedIn('victor'));
    expect(await screen.findByRole('heading', { name: 'Event evt_seed1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replay' })).not.toBeInTheDocument();
  });

  it('backfills since a time and shows the counts', async () => {
    const { user, api } = renderConsole('/admin/events', signedIn('olga'));
    await user.type(await screen.findByLabelText('Since (your time zone)'), '2026-11-20T00:00');
    await user.click(screen.getByRole('button', { name: 'Backfill' }));

    expect(await screen.findByText(/Backfill done/)).toHaveTextContent(
      'Backfill done: 6 seen, 0 applied, 6 duplicate, 0 not applied, 0 ignored, 0 failed.',
    );
    const post = api.calls.find((c) => c.path === '/api/admin/events/backfill');
    expect(post?.body).toEqual({ since: new Date('2026-11-20T00:00').toISOString() });
  });
});
