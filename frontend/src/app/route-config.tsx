import type { ReactNode } from 'react';

import { PageLayout } from '@/components/layouts/page-layout';
import { paths } from '@/config/paths';
import type { RouteDefinition } from '@/lib/router';

import { NewPaymentRoute } from './routes/new-payment';
import { NotFoundRoute } from './routes/not-found';
import { PaymentStatusRoute } from './routes/payment-status';
import { SandboxCheckoutRoute } from './routes/sandbox-checkout';

const page = (content: ReactNode) => <PageLayout>{content}</PageLayout>;

/** `/` and `/payment` start a payment; `/payment/{paymentId}` reopens one and resumes polling. */
export const routes: RouteDefinition[] = [
  { path: paths.home.path, element: page(<NewPaymentRoute />) },
  { path: paths.newPayment.path, element: page(<NewPaymentRoute />) },
  { path: paths.payment.path, element: page(<PaymentStatusRoute />) },
  { path: paths.sandboxCheckout.path, element: page(<SandboxCheckoutRoute />) },
  { path: '*', element: page(<NotFoundRoute />) },
];
