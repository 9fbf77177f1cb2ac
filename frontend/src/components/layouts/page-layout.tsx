import type { ReactNode } from 'react';

export function PageLayout({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="page__header">
        <div className="page__brand">
          <svg className="page__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M9 16.5l4.5 4.5L23 11.5" />
          </svg>
          <span>Secure payment</span>
        </div>
      </header>
      <main id="main" className="page__main" tabIndex={-1}>
        {children}
      </main>
      <footer className="page__footer">
        <p>
          <svg className="lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4zm2 0h4V5a2 2 0 1 0-4 0v2z" />
          </svg>
          Need help? Quote your payment reference when you contact us.
        </p>
      </footer>
    </div>
  );
}
