import { Link } from '@/lib/router';

import { paths } from '../paths';

export function NotFoundRoute() {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>
        <Link to={paths.newPayment}>Make a payment</Link>
      </p>
    </div>
  );
}
