import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createBrowserHistory, createMemoryHistory, Link, matchPath, Router, useNavigate, useParams } from './router';

function Show() {
  const { id } = useParams();
  return <p>payment {id}</p>;
}

function ReplaceButton() {
  const navigate = useNavigate();
  return <button onClick={() => navigate('/payment/pay_9', { replace: true })}>replace</button>;
}

const routes = [
  {
    path: '/',
    element: (
      <>
        <Link to="/payment/pay_2">open</Link>
        <Link to="/payment/pay_3" target="_blank">
          open in a new tab
        </Link>
        <Link to="/payment/pay_4" onClick={(event) => event.preventDefault()}>
          handled by its onClick
        </Link>
        <ReplaceButton />
      </>
    ),
  },
  { path: '/payment/:id', element: <Show /> },
  { path: '*', element: <p>not found</p> },
];

/** Records whether the app prevented each click, then stops it so jsdom does not try to navigate. */
function recordDefaultPrevented() {
  const prevented: boolean[] = [];
  const listener = (event: MouseEvent) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { prevented, stop: () => window.removeEventListener('click', listener) };
}

describe('matchPath', () => {
  it('matches params, a trailing slash and the fallback', () => {
    expect(matchPath('/payment/:id', '/payment/pay_1')).toEqual({ id: 'pay_1' });
    expect(matchPath('/payment/:id', '/payment/pay_1/')).toEqual({ id: 'pay_1' });
    expect(matchPath('/payment/:id', '/payment')).toBeNull();
    expect(matchPath('/payment', '/')).toBeNull();
    expect(matchPath('*', '/anything')).toEqual({});
  });

  it('decodes params and rejects a malformed escape instead of throwing', () => {
    expect(matchPath('/payment/:id', '/payment/pay%201')).toEqual({ id: 'pay 1' });
    expect(matchPath('/payment/:id', '/payment/%E0%A4%A')).toBeNull();
  });
});

describe('Router with browser history', () => {
  let scrollTo: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo); // jsdom does not implement it
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  function renderBrowserRouter() {
    render(
      <>
        <main id="main" tabIndex={-1} />
        <Router routes={routes} history={createBrowserHistory()} focusTargetId="main" />
      </>,
    );
  }

  it('a plain click pushes a history entry, renders the new route, scrolls up and moves focus to the main content', async () => {
    renderBrowserRouter();
    const lengthBefore = window.history.length;
    expect(document.getElementById('main')).not.toHaveFocus(); // not on the first render

    await userEvent.click(screen.getByRole('link', { name: 'open' }));

    expect(screen.getByText('payment pay_2')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/payment/pay_2');
    expect(window.history.length).toBe(lengthBefore + 1);
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
    expect(document.getElementById('main')).toHaveFocus();
  });

  it('the back button (popstate) renders the previous route again', async () => {
    renderBrowserRouter();
    await userEvent.click(screen.getByRole('link', { name: 'open' }));
    expect(screen.getByText('payment pay_2')).toBeInTheDocument();

    act(() => window.history.back());

    expect(await screen.findByRole('link', { name: 'open' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');

    act(() => window.history.forward());
    expect(await screen.findByText('payment pay_2')).toBeInTheDocument();
  });

  it('navigate with replace swaps the current entry instead of adding one', async () => {
    renderBrowserRouter();
    const lengthBefore = window.history.length;

    await userEvent.click(screen.getByRole('button', { name: 'replace' }));

    expect(screen.getByText('payment pay_9')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/payment/pay_9');
    expect(window.history.length).toBe(lengthBefore);
  });
});

describe('Link leaves navigation to the browser', () => {
  let clicks: ReturnType<typeof recordDefaultPrevented>;
  beforeEach(() => (clicks = recordDefaultPrevented()));
  afterEach(() => clicks.stop());

  function renderMemoryRouter() {
    const history = createMemoryHistory('/');
    render(<Router routes={routes} history={history} />);
    return history;
  }

  it.each([
    ['ctrl', { ctrlKey: true }],
    ['meta (cmd)', { metaKey: true }],
    ['shift', { shiftKey: true }],
    ['alt', { altKey: true }],
    ['middle-button', { button: 1 }],
  ])('on a %s click', (_name, init) => {
    const history = renderMemoryRouter();
    const link = screen.getByRole('link', { name: 'open' });
    expect(link).toHaveAttribute('href', '/payment/pay_2');

    fireEvent.click(link, init);

    expect(clicks.prevented).toEqual([false]);
    expect(history.entries).toEqual(['/']);
    expect(link).toBeInTheDocument();
  });

  it('for a link with target="_blank"', () => {
    const history = renderMemoryRouter();

    fireEvent.click(screen.getByRole('link', { name: 'open in a new tab' }));

    expect(clicks.prevented).toEqual([false]);
    expect(history.entries).toEqual(['/']);
  });

  it('does not navigate when the link’s own onClick prevented the default', () => {
    const history = renderMemoryRouter();

    fireEvent.click(screen.getByRole('link', { name: 'handled by its onClick' }));

    expect(clicks.prevented).toEqual([true]);
    expect(history.entries).toEqual(['/']);
  });

  it('but a plain left click navigates in the app', async () => {
    const history = renderMemoryRouter();

    fireEvent.click(screen.getByRole('link', { name: 'open' }));

    expect(clicks.prevented).toEqual([true]);
    expect(history.entries).toEqual(['/', '/payment/pay_2']);
    await waitFor(() => expect(screen.getByText('payment pay_2')).toBeInTheDocument());
  });
});
