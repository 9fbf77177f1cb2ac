import { Link } from 'wouter';

import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>
        <Link to={paths.newPayment.getHref()}>Make a payment</Link>
      </p>
    </div>
  );
}
