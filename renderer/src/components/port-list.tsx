// A container's ports: `8080→80/tcp` labels, published TCP ports as links that open in the browser.
// Plain anchors with target=_blank: Electron's shell opens them externally, a browser in a new tab. A port a
// VM engine could not forward to this computer is marked, with its reason on hover and for screen readers
// (the Engine page lists it in full).
import type { PortBinding } from '@shared/container-types';
import { portEntries } from '../format/ports';

export function PortList({ ports }: { ports: readonly PortBinding[] }) {
  const entries = portEntries(ports);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <span className="port-list">
      {entries.map((entry) =>
        entry.problem ? (
          <span key={entry.key} className="port-problem" title={entry.problem}>
            <span aria-hidden="true">⚠ </span>
            {entry.label}
            <span className="visually-hidden">: not reachable here. {entry.problem}</span>
          </span>
        ) : entry.href ? (
          <a key={entry.key} href={entry.href} target="_blank" rel="noopener noreferrer" className="port-link">
            {entry.label}
          </a>
        ) : (
          <span key={entry.key} className="port-plain">
            {entry.label}
          </span>
        ),
      )}
    </span>
  );
}
