// What a bulk action did, container by container: done, or the engine's (or core's) words for why not.
import { Button } from 'react-aria-components';
import { DialogFrame } from '../../components/dialog-frame';
import { actionVerbs } from '../../model/container-actions';
import type { BulkOutcome } from './use-bulk-actions';
import { failureText } from './bulk-failure-text';
import '../../styles/bulk-limits.css';

const pastTense: Record<BulkOutcome['action'], string> = {
  start: 'Started',
  stop: 'Stopped',
  restart: 'Restarted',
  pause: 'Paused',
  unpause: 'Resumed',
  kill: 'Killed',
  remove: 'Removed',
};

export function BulkActionResults({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const done = outcome.results.filter((entry) => entry.ok).length;
  const total = outcome.results.length;
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      title={`${pastTense[outcome.action]} ${done} of ${total} container${total === 1 ? '' : 's'}`}
      actions={
        <Button className="button" onPress={onClose} autoFocus>
          Close
        </Button>
      }
    >
      {outcome.error ? (
        <p role="alert" className="alert alert-error">
          Could not {actionVerbs[outcome.action]} the containers: {outcome.error}
        </p>
      ) : (
        <ul className="bulk-results-list" aria-label="Results by container">
          {[...outcome.results]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((entry) => (
              <li key={entry.id} className={entry.ok ? 'bulk-result bulk-result-ok' : 'bulk-result bulk-result-failed'}>
                <strong className="bulk-result-name">{entry.name}</strong>{' '}
                <span>{entry.ok ? 'done' : `failed: ${failureText(entry)}`}</span>
              </li>
            ))}
        </ul>
      )}
    </DialogFrame>
  );
}
