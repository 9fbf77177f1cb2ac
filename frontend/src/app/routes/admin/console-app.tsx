import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { forgetSession, useSession } from '@/features/admin/api/session';
import { ChangePasswordForm } from '@/features/admin/components/change-password-form';
import { ConsoleLayout } from '@/features/admin/components/console-layout';
import { Dashboard } from '@/features/admin/components/dashboard';
import { DisputesPage } from '@/features/admin/components/disputes-page';
import { EventDetail } from '@/features/admin/components/event-detail';
import { EventsPage } from '@/features/admin/components/events-page';
import { PaymentDetail } from '@/features/admin/components/payment-detail';
import { PaymentsList } from '@/features/admin/components/payments-list';
import { SignInForm } from '@/features/admin/components/sign-in-form';
import { UsersPage } from '@/features/admin/components/users-page';
import '@/features/admin/console.css';
import { ApiError } from '@/lib/api-client';

function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Payments console`;
  }, [title]);
}

function Titled({ title, children }: { title: string; children: ReactNode }) {
  useTitle(title);
  return children;
}

/** A 401 from any console request means the session ended (idle timeout, sign-out elsewhere): show sign-in. */
function useSignInOnUnauthorized() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const check = (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) forgetSession(queryClient);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);
}

function SignInPage() {
  useTitle('Sign in');
  return (
    <div className="console console--signed-out">
      <main id="main" className="console__main" tabIndex={-1}>
        <div className="card narrow">
          <h1>Payments console</h1>
          <p className="lead">Sign in with your console account.</p>
          <SignInForm />
        </div>
      </main>
    </div>
  );
}

/** `/admin/…`: sign-in, then the console's pages (paths here are relative to /admin). */
export default function ConsoleApp() {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  useSignInOnUnauthorized();

  if (session.isPending) return <Spinner label="Loading the console" />;
  if (session.isError) {
    return (
      <Alert role="alert" title="The console could not start">
        Try reloading the page.
      </Alert>
    );
  }
  const me = session.data;
  if (!me) {
    if (location === '/sign-in') return <SignInPage />;
    const next = location + (search ? `?${search}` : '');
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (location === '/sign-in') {
    const next = new URLSearchParams(search).get('next') ?? '/';
    // Only paths inside the console: `next` comes from the URL, so it must not send anyone elsewhere.
    return <Redirect to={next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return (
    <ConsoleLayout session={me}>
      <Switch>
        <Route path="/">
          <Titled title="Dashboard">
            <Dashboard />
          </Titled>
        </Route>
        <Route path="/payments">
          <Titled title="Payments">
            <PaymentsList />
          </Titled>
        </Route>
        <Route path="/payments/:paymentId">
          {(params) => (
            <Titled title="Payment">
              <PaymentDetail paymentId={params.paymentId} role={me.role} />
            </Titled>
          )}
        </Route>
        <Route path="/disputes">
          <Titled title="Disputes">
            <DisputesPage role={me.role} />
          </Titled>
        </Route>
        <Route path="/events">
          <Titled title="Gateway events">
            <EventsPage role={me.role} />
          </Titled>
        </Route>
        <Route path="/events/:eventId">
          {(params) => (
            <Titled title="Gateway event">
              <EventDetail eventId={params.eventId} role={me.role} />
            </Titled>
          )}
        </Route>
        {me.role === 'admin' && (
          <Route path="/users">
            <Titled title="Users">
              <UsersPage me={me.username} />
            </Titled>
          </Route>
        )}
        <Route path="/account">
          <Titled title="My account">
            <h1>My account</h1>
            <ChangePasswordForm username={me.username} />
          </Titled>
        </Route>
        <Route>
          <Titled title="Not found">
            <h1>Page not found</h1>
          </Titled>
        </Route>
      </Switch>
    </ConsoleLayout>
  );
}
