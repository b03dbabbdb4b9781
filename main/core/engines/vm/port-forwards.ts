// Which host listeners a VM's published ports need (desired), and what changes between that and what is
// listening now (the plan): pure over the guest engine's container list, so unit tests cover every shape.
// A port docker bound on all the guest's addresses is reached through QEMU's user network at the guest's
// address; one bound on the guest's loopback only through the VM's SSH connection (slirp cannot reach it).
import type Dockerode from 'dockerode';
import type { PortForwardView } from '../../../shared/engine-manager-types';
import { containerName } from '../../containers/container-summary';

/** The guest's address on QEMU's user network (guest-protocol.ts GUEST_ADDRESS, without its prefix). */
export const GUEST_IP = '10.0.2.15';
const LOOPBACK_HOSTS = ['127.0.0.1', '::1'];
const ALL_HOSTS = ['0.0.0.0', '::'];

export interface DesiredForward {
  /** `tcp/127.0.0.1/8080`: one host listener. */
  key: string;
  protocol: 'tcp' | 'udp';
  hostAddress: string;
  hostPort: number;
  /** Where the guest side listens: GUEST_IP (any guest address) or the guest's loopback. */
  guestHost: string;
  via: 'qemu' | 'ssh';
  container: { id: string; name: string };
}

/** A published port that cannot be forwarded at all (reported, never skipped silently). */
export interface Unforwardable {
  protocol: string;
  hostPort: number;
  container: { id: string; name: string };
  problem: string;
}

export interface Desired {
  forwards: DesiredForward[];
  unforwardable: Unforwardable[];
}

function isWildcard(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === GUEST_IP;
}

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1';
}

/**
 * The listeners the running containers' published ports need. Host addresses: this computer's loopback
 * unless `publishAll` (Settings → Published ports: all interfaces) and the container itself published on all
 * of the guest's addresses; a port the container keeps on the guest's loopback stays on the host's.
 */
export function desiredForwards(containers: readonly Dockerode.ContainerInfo[], publishAll: boolean): Desired {
  const forwards = new Map<string, DesiredForward>();
  const unforwardable: Unforwardable[] = [];
  for (const info of containers) {
    const container = { id: info.Id, name: containerName(info.Names, info.Id) };
    for (const port of info.Ports ?? []) {
      const hostPort = port.PublicPort;
      if (typeof hostPort !== 'number' || hostPort <= 0) continue;
      const ip = port.IP ?? '';
      const protocol = port.Type;
      const problem = unforwardableWhy(protocol, ip);
      if (problem) {
        if (!unforwardable.some((u) => u.hostPort === hostPort && u.protocol === protocol))
          unforwardable.push({ protocol, hostPort, container, problem });
        continue;
      }
      const loopback = isLoopback(ip);
      const hosts = publishAll && !loopback ? ALL_HOSTS : LOOPBACK_HOSTS;
      for (const hostAddress of hosts) {
        const key = `${protocol}/${hostAddress}/${hostPort}`;
        if (forwards.has(key)) continue;
        forwards.set(key, {
          key,
          protocol: protocol as 'tcp' | 'udp',
          hostAddress,
          hostPort,
          guestHost: loopback ? (ip === '::1' ? '::1' : '127.0.0.1') : GUEST_IP,
          via: loopback ? 'ssh' : 'qemu',
          container,
        });
      }
    }
  }
  return { forwards: [...forwards.values()], unforwardable };
}

function unforwardableWhy(protocol: string, ip: string): string | null {
  if (protocol !== 'tcp' && protocol !== 'udp')
    return `${protocol.toUpperCase()} ports cannot be forwarded out of the VM (TCP and UDP can).`;
  if (isLoopback(ip))
    return protocol === 'udp'
      ? `Bound on the VM's own ${ip}, which UDP cannot be forwarded from: publish it without an address.`
      : null;
  if (!isWildcard(ip)) return `Bound on ${ip} inside the VM, which this computer cannot reach.`;
  return null;
}

/** Same listener, same target: nothing to do. Anything else that changed under one key is a remove and an add. */
function sameForward(a: DesiredForward, b: DesiredForward): boolean {
  return a.guestHost === b.guestHost && a.via === b.via && a.container.id === b.container.id;
}

/** What to close and what to open so that `active` becomes `desired`; failed ones are simply desired again. */
export function planForwards(
  active: ReadonlyMap<string, DesiredForward>,
  desired: readonly DesiredForward[],
): { add: DesiredForward[]; remove: DesiredForward[] } {
  const wanted = new Map(desired.map((forward) => [forward.key, forward]));
  const remove = [...active.values()].filter((forward) => {
    const next = wanted.get(forward.key);
    return !next || !sameForward(forward, next);
  });
  const add = desired.filter((forward) => {
    const now = active.get(forward.key);
    return !now || !sameForward(now, forward);
  });
  return { add, remove };
}

/**
 * The Engine page's rows: one per container port, the host addresses that really listen (keys in `listening`)
 * together, the problems of those that do not joined. An address whose listener failed or is not open yet is
 * left out, so the row never claims a port answers where it does not.
 */
export function forwardViews(
  desired: Desired,
  problems: ReadonlyMap<string, string>,
  listening: ReadonlySet<string>,
): PortForwardView[] {
  const rows = new Map<string, PortForwardView>();
  for (const forward of desired.forwards) {
    const id = `${forward.container.id}/${forward.protocol}/${forward.hostPort}`;
    const row = rows.get(id) ?? {
      protocol: forward.protocol,
      hostPort: forward.hostPort,
      hostAddresses: [],
      containerId: forward.container.id,
      containerName: forward.container.name,
      via: forward.via,
      problem: null,
    };
    if (listening.has(forward.key)) row.hostAddresses.push(forward.hostAddress);
    const problem = problems.get(forward.key);
    if (problem) row.problem = row.problem ? `${row.problem} ${problem}` : problem;
    rows.set(id, row);
  }
  for (const u of desired.unforwardable)
    rows.set(`${u.container.id}/${u.protocol}/${u.hostPort}`, {
      protocol: u.protocol === 'udp' || u.protocol === 'sctp' ? u.protocol : 'tcp',
      hostPort: u.hostPort,
      hostAddresses: [],
      containerId: u.container.id,
      containerName: u.container.name,
      via: 'qemu',
      problem: u.problem,
    });
  return [...rows.values()].sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol));
}
