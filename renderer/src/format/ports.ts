// A container's port bindings as short labels (`8080→80/tcp`), one per distinct mapping, with a link for
// published TCP ports so a web service opens in the browser.
import type { PortBinding } from '@shared/container-types';

export interface PortEntry {
  key: string;
  /** `8080→80/tcp`, `127.0.0.1:5432→5432/tcp`, or `53/udp` when not published. */
  label: string;
  /** `http://localhost:8080/` (all interfaces) or `http://127.0.0.1:8080/` (bound there) for a published TCP port; null otherwise. */
  href: string | null;
  /** Why it is not reachable on this computer (a VM engine's forward failed); then there is no link. */
  problem?: string;
}

const wildcardIps = new Set(['', '0.0.0.0', '::']);

/**
 * The engine lists a port published on all interfaces twice (0.0.0.0 and ::); those collapse into one entry
 * without a host part. A binding to one address keeps it, because that is where the port is reachable.
 */
export function portEntries(ports: readonly PortBinding[]): PortEntry[] {
  const entries = new Map<string, PortEntry & { sort: [number, number, string] }>();
  for (const port of ports) {
    const ip = port.ip ?? '';
    const host = port.publicPort === null ? null : wildcardIps.has(ip) ? '' : ip;
    const target = `${port.privatePort}/${port.protocol}`;
    const label =
      port.publicPort === null ? target : `${host ? `${bracketed(host)}:` : ''}${port.publicPort}→${target}`;
    const known = entries.get(label);
    if (known) {
      // The engine's twin (0.0.0.0 and ::) of a port with a problem carries the same problem.
      if (port.problem && !known.problem) Object.assign(known, { problem: port.problem, href: null });
      continue;
    }
    const href =
      port.publicPort !== null && port.protocol === 'tcp' && !port.problem
        ? `http://${linkHost(host ?? '')}:${port.publicPort}/`
        : null;
    entries.set(label, {
      key: label,
      label,
      href,
      ...(port.problem && { problem: port.problem }),
      sort: [port.privatePort, port.publicPort ?? -1, port.protocol],
    });
  }
  return [...entries.values()]
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1] || a.sort[2].localeCompare(b.sort[2]))
    .map(({ sort: _sort, ...entry }) => entry);
}

/**
 * The address the port is bound to: a loopback binding opens 127.0.0.1 (or [::1]) itself, since `localhost`
 * may resolve to the other family first, where nothing listens. All interfaces include this computer's.
 */
function linkHost(host: string): string {
  if (host === '') return 'localhost';
  return bracketed(host);
}

function bracketed(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}
