// Under the Limits panel's buttons: after Apply or Undo, what the engine now enforces (the changes it read
// back) and its warnings; an error verbatim, in an alert; or a local note (nothing to apply, fix first).
import { Button } from 'react-aria-components';
import { ErrorAlert } from '../../../components/error-alert';
import { enforcedChanges, type LimitsOutcome } from '../../../limits/limits-outcome';

export function LimitsOutcomeView({ outcome, onDismiss }: { outcome: LimitsOutcome | null; onDismiss: () => void }) {
  if (!outcome) return null;
  if (outcome.kind === 'error')
    return <ErrorAlert title={outcome.title} message={outcome.message} onDismiss={onDismiss} />;
  if (outcome.kind === 'cancelled') {
    return (
      <p role="status" className="limits-note">
        Not applied: nothing was sent to the engine.
      </p>
    );
  }
  if (outcome.kind === 'note') {
    return (
      <p role="status" className="limits-note">
        {outcome.message}
      </p>
    );
  }
  const changes = enforcedChanges(outcome.result);
  const { warnings } = outcome.result;
  return (
    <div role="status" className="limits-success">
      <div className="limits-success-head">
        <strong>{outcome.kind === 'applied' ? 'Applied.' : 'Undone.'}</strong>
        <span>
          {changes.length > 0 ? ' The engine now enforces:' : ' The engine enforces the same limits as before.'}
        </span>
        <Button className="button button-quiet button-small limits-dismiss" onPress={onDismiss}>
          Dismiss
        </Button>
      </div>
      {changes.length > 0 && (
        <ul className="limits-change-list">
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="limits-warning-list" aria-label="Warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
