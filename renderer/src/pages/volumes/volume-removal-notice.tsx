// What the last Remove did: the refusals (a volume in use, with the containers named) as an alert, and what
// was removed beside them, so a refusal of one never hides what happened to the others.
import type { VolumeRemoval } from './use-volume-removal';
import { ErrorAlert } from '../../components/error-alert';
import { volumeLabel } from './volume-label';

export function VolumeRemovalNotice({ outcome, onDismiss }: { outcome: VolumeRemoval; onDismiss: () => void }) {
  const { removed, refused } = outcome;
  if (refused.length === 0) return null;
  const single = refused.length === 1 && removed.length === 0;
  const title = single
    ? `Could not remove ${volumeLabel(refused[0]!.name)}`
    : `Could not remove ${refused.length} of ${refused.length + removed.length} volumes`;
  // The core's refusal names the volume; any other error is prefixed with it.
  const reasons = refused.map((each) =>
    each.message.includes(each.name) ? each.message : `${volumeLabel(each.name)}: ${each.message}`,
  );
  const message = [removed.length ? `Removed: ${removed.map(volumeLabel).join(', ')}.` : '', ...reasons]
    .filter(Boolean)
    .join(' ');
  return <ErrorAlert title={title} message={message} onDismiss={onDismiss} />;
}
