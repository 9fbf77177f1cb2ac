import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Link, Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

import { useFocusOnNavigate } from './use-focus-on-navigate';

function Pages() {
  useFocusOnNavigate('main');
  return (
    <main id="main" tabIndex={-1}>
      <Switch>
        <Route path="/">
          <Link to="/payment/pay_2">open</Link>
        </Route>
        <Route path="/payment/:id">{(params) => <p>payment {params.id}</p>}</Route>
      </Switch>
    </main>
  );
}

describe('useFocusOnNavigate', () => {
  it('leaves focus alone on the first render, then scrolls up and focuses the main region after a navigation', async () => {
    const scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo);
    const { hook } = memoryLocation({ path: '/' });
    render(
      <Router hook={hook}>
        <Pages />
      </Router>,
    );
    expect(screen.getByRole('main')).not.toHaveFocus();

    await userEvent.click(screen.getByRole('link', { name: 'open' }));

    expect(screen.getByText('payment pay_2')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });
});
