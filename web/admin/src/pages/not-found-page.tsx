// Shown for an address the admin app does not know.
import { PageHeader } from '../components/page-header';
import { Link } from '../router';

/** The not-found page. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. Go to <Link href="/properties">Properties</Link>.
      </p>
    </>
  );
}
