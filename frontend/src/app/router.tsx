import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Router, Switch } from 'wouter';

import { PageLayout } from '@/components/layouts/page-layout';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useFocusOnNavigate } from '@/hooks/use-focus-on-navigate';

import { NewPaymentRoute } from './routes/new-payment';
import { NotFoundRoute } from './routes/not-found';
import { PaymentStatusRoute } from './routes/payment-status';
import { SandboxCheckoutRoute } from './routes/sandbox-checkout';

// The console is its own chunk: the Payment page never downloads it (see scripts/size.mjs).
const ConsoleApp = lazy(() => import('./routes/admin/console-app'));

const page = (content: ReactNode) => <PageLayout>{content}</PageLayout>;

/**
 * `/` and `/payment` start a payment; `/payment/{paymentId}` reopens one and resumes polling;
 * `/sandbox/checkout/{sessionId}` imitates Stripe's hosted checkout; `/admin/…` is the back-office console (routes relative to `/admin` inside it).
 */
export function AppRoutes() {
  useFocusOnNavigate('main');
  return (
    <Switch>
      <Route path={paths.home.path}>{page(<NewPaymentRoute />)}</Route>
      <Route path={paths.newPayment.path}>{page(<NewPaymentRoute />)}</Route>
      <Route path={paths.payment.path}>{page(<PaymentStatusRoute />)}</Route>
      <Route path={paths.sandboxCheckout.path}>{page(<SandboxCheckoutRoute />)}</Route>
      <Route path={paths.admin.path} nest>
        <Suspense fallback={<Spinner label="Loading the console" />}>
          <ConsoleApp />
        </Suspense>
      </Route>
      <Route>{page(<NotFoundRoute />)}</Route>
    </Switch>
  );
}

export function AppRouter() {
  return (
    <Router>
      <AppRoutes />
    </Router>
  );
}
