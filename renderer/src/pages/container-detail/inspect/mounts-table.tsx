// A container's mounts (binds, volumes, tmpfs): where each comes from and where it appears inside, and whether
// the container may write to it. Shared by the Inspect and Isolation tabs.
import type { MountView } from '@shared/inspect-types';

export function MountsTable({ mounts }: { mounts: readonly MountView[] }) {
  if (mounts.length === 0)
    return <p className="muted">No mounts: everything it sees comes from its image and its own layer.</p>;
  return (
    <table className="plain-table" aria-label="Mounts">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Source</th>
          <th scope="col">Inside the container</th>
          <th scope="col">Access</th>
        </tr>
      </thead>
      <tbody>
        {mounts.map((mount) => (
          <tr key={mount.destination}>
            <td>{mount.type}</td>
            <td className="mono kv-value">{mount.source || <span className="muted">(anonymous)</span>}</td>
            <td className="mono kv-value">{mount.destination}</td>
            <td>{mount.readOnly ? 'read-only' : 'read-write'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
