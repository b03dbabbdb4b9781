// The files a container added, changed and deleted against its image (`docker diff`), grouped by kind with a
// count each; a long group shows its first entries and says how many more there are.
import type { FileChange, FileChangeKind } from '@shared/inspect-types';

const groups: { kind: FileChangeKind; title: string }[] = [
  { kind: 'A', title: 'Added' },
  { kind: 'C', title: 'Changed' },
  { kind: 'D', title: 'Deleted' },
];

/** Enough to see what happened; the rest is a count (a package install adds thousands). */
const shownPerGroup = 200;

export function ChangesList({ changes }: { changes: readonly FileChange[] }) {
  if (changes.length === 0) return <p className="muted">No changes: its filesystem is exactly its image’s so far.</p>;
  return (
    <div className="changes">
      <p>
        <strong className="numeric">{changes.length}</strong> {changes.length === 1 ? 'path differs' : 'paths differ'}{' '}
        from its image.
      </p>
      <div className="changes-groups">
        {groups.map(({ kind, title }) => {
          const paths = changes.filter((change) => change.kind === kind).map((change) => change.path);
          if (paths.length === 0) return null;
          const id = `changes-${kind}`;
          return (
            <section key={kind} className="changes-group" aria-labelledby={id}>
              <h3 id={id} className={`changes-title changes-${kind}`}>
                {title} <span className="muted numeric">({paths.length})</span>
              </h3>
              <ul className="changes-paths mono" aria-label={`${title} paths`}>
                {paths.slice(0, shownPerGroup).map((path) => (
                  <li key={path}>{path}</li>
                ))}
              </ul>
              {paths.length > shownPerGroup && <p className="muted">and {paths.length - shownPerGroup} more</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}
