import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { AppProvider } from './provider';

describe('AppProvider', () => {
  it('shows a friendly message instead of a blank page when rendering throws, and Try again renders the page again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    let broken = true;
    function Page() {
      if (broken) throw new Error('render bug');
      return <p>payment form</p>;
    }
    render(
      <AppProvider>
        <Page />
      </AppProvider>,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('alert')).not.toHaveTextContent('render bug');

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(screen.getByText('payment form')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
