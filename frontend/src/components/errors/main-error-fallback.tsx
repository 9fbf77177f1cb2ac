import type { FallbackProps } from 'react-error-boundary';

import { PageLayout } from '@/components/layouts/page-layout';
import { Button } from '@/components/ui/button';

/** What the root error boundary shows instead of a blank page when rendering throws. */
export function MainErrorFallback({ resetErrorBoundary }: FallbackProps) {
  return (
    <PageLayout>
      <div className="card" role="alert">
        <h1>Something went wrong</h1>
        <p className="lead">
          This page hit an unexpected problem. If you already paid, your payment is not affected. Please try again, or
          reload the page.
        </p>
        <Button onClick={resetErrorBoundary}>Try again</Button>
      </div>
    </PageLayout>
  );
}
