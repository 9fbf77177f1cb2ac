import { paths } from '@/config/paths';
import { Link } from '@/lib/router';

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
