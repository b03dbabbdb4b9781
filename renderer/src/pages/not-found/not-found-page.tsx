// An address inside the app that names no page (an old bookmark, a typo in the hash).
import { Link } from 'react-router';
import { Page } from '../../components/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no page at this address. <Link to="/">Go to the Dashboard</Link>.
      </p>
    </Page>
  );
}
