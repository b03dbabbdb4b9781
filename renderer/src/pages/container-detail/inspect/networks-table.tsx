// A container's networks with its address on each (IP, MAC, gateway, aliases). Shared by the Inspect and
// Isolation tabs.
import type { NetworkView } from '@shared/inspect-types';

export function NetworksTable({ networks, mode }: { networks: readonly NetworkView[]; mode: string }) {
  if (mode === 'host')
    return <p>It shares this computer’s network (network mode “host”): no network identity of its own.</p>;
  if (networks.length === 0)
    return <p className="muted">Not connected to any network (network mode “{mode || 'none'}”).</p>;
  return (
    <table className="plain-table" aria-label="Networks">
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">IP address</th>
          <th scope="col">MAC address</th>
          <th scope="col">Gateway</th>
          <th scope="col">Aliases</th>
        </tr>
      </thead>
      <tbody>
        {networks.map((network) => (
          <tr key={network.name}>
            <th scope="row">{network.name}</th>
            <td className="mono">
              {network.cidr ?? network.ipAddress ?? <span className="muted">none (not running)</span>}
              {network.ipv6Address && <div>{network.ipv6Address}</div>}
            </td>
            <td className="mono">{network.macAddress ?? '—'}</td>
            <td className="mono">{network.gateway ?? '—'}</td>
            <td className="mono kv-value">{network.aliases.length > 0 ? network.aliases.join(', ') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
