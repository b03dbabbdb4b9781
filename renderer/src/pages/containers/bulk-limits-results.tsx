// What a bulk apply did, container by container: the changes each now has in force (and its warnings), or
// the engine's or core's message for those it failed on.
import type { BulkLimitsResult } from '@shared/limits-types';
import { enforcedChanges } from '../../limits/limits-outcome';

export function BulkLimitsResults({ results }: { results: BulkLimitsResult }) {
  const applied = results.filter((entry) => entry.ok).length;
  return (
    <div className="bulk-results">
      <p role="status" className="bulk-results-summary">
        Applied to {applied} of {results.length} container{results.length === 1 ? '' : 's'}.
      </p>
      <ul className="bulk-results-list" aria-label="Results by container">
        {results.map((entry) => (
          <li key={entry.id} className={entry.ok ? 'bulk-result bulk-result-ok' : 'bulk-result bulk-result-failed'}>
            <strong className="bulk-result-name">{entry.name}</strong>{' '}
            {entry.ok ? (
              <AppliedText changes={enforcedChanges(entry.result)} warnings={entry.result.warnings} />
            ) : (
              <span>Not applied: {entry.error.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AppliedText({ changes, warnings }: { changes: string[]; warnings: string[] }) {
  return (
    <>
      <span>{changes.length > 0 ? `ok: ${changes.join(', ')}` : 'ok: it already had these limits'}</span>
      {warnings.map((warning) => (
        <span key={warning} className="bulk-result-warning">
          {warning}
        </span>
      ))}
    </>
  );
}
