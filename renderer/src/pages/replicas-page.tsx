// STUB (issue 5, owned by the run UI helper): replica groups and scaling them.
import { Page } from '../components/page';

export function ReplicasPage() {
  return <Page title="Replicas">{null}</Page>;
}
