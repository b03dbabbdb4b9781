// STUB (issue 5, owned by the images UI helper): known registries, login and logout.
import { Page } from '../components/page';

export function RegistriesPage() {
  return <Page title="Registries">{null}</Page>;
}
