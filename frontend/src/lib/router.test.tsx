import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { createMemoryHistory, Link, matchPath, Router, useParams } from './router';

function Show() {
  const { id } = useParams();
  return <p>payment {id}</p>;
}

describe('router', () => {
  it('matches params and the fallback', () => {
    expect(matchPath('/payment/:id', '/payment/pay_1')).toEqual({ id: 'pay_1' });
    expect(matchPath('/payment/:id', '/payment/pay_1/')).toEqual({ id: 'pay_1' });
    expect(matchPath('/payment/:id', '/payment')).toBeNull();
    expect(matchPath('/payment', '/')).toBeNull();
    expect(matchPath('*', '/anything')).toEqual({});
  });

  it('renders the first matching route and navigates with links', async () => {
    const history = createMemoryHistory('/');
    render(
      <Router
        history={history}
        routes={[
          { path: '/', element: <Link to="/payment/pay_2">open</Link> },
          { path: '/payment/:id', element: <Show /> },
        ]}
      />,
    );
    await userEvent.click(screen.getByRole('link', { name: 'open' }));
    expect(screen.getByText('payment pay_2')).toBeInTheDocument();
    expect(history.entries).toEqual(['/', '/payment/pay_2']);
  });
});
