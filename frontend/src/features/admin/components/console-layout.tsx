import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

import { Button } from '@/components/ui/button';

import { useSignOut } from '../api/session';
import type { AdminSession } from '../api/types';
import { problemText } from '../utils/format';

const nav = (role: AdminSession['role']) => [
  { href: '/', label: 'Dashboard' },
  { href: '/payments', label: 'Payments' },
  { href: '/disputes', label: 'Disputes' },
  { href: '/events', label: 'Events' },
  ...(role === 'admin' ? [{ href: '/users', label: 'Users' }] : []),
  { href: '/account', label: 'My account' },
];

export function ConsoleLayout({ session, children }: { session: AdminSession; children: ReactNode }) {
  const [location] = useLocation();
  const signOut = useSignOut();
  const current = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
  return (
    <div className="console">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="console__header">
        <span className="console__brand">Payments console</span>
        <nav aria-label="Console">
          <ul className="console__nav">
            {nav(session.role).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="console__user">
          <span>
            Signed in as <strong>{session.username}</strong> ({session.role})
          </span>
          <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
          {signOut.isError && (
            <p className="field__error" role="alert">
              {problemText(signOut.error)}
            </p>
          )}
        </div>
      </header>
      <main id="main" className="console__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
