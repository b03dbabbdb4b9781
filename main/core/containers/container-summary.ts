// Maps one entry of the engine's container list (`GET /containers/json`) to the ContainerSummary the UI shows.
// Everything comes from the list itself: no per-container inspect, so listing stays one call however many exist.
import type Dockerode from 'dockerode';
import type { ContainerState, ContainerSummary, PortBinding } from '../../shared/container-types';

const states: ReadonlySet<string> = new Set<ContainerState>([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
]);

/** Podman's compatible API sometimes reports its own state words. */
const podmanStates: Record<string, ContainerState> = {
  configured: 'created',
  initialized: 'created',
  stopped: 'exited',
  stopping: 'running',
};

export function toContainerState(raw: unknown): ContainerState {
  const state = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (states.has(state)) return state as ContainerState;
  // An unknown word means a state Berth cannot act on as running; "exited" offers start and remove.
  return podmanStates[state] ?? 'exited';
}

/**
 * The container's own name. `Names` also lists link aliases (`/web/db`), which carry a second slash; the
 * canonical name is the one without.
 */
export function containerName(names: readonly string[] | null | undefined, id: string): string {
  const list = names ?? [];
  const own = list.find((name) => name.lastIndexOf('/') === 0) ?? list[0];
  return own ? own.replace(/^\//, '') : id.slice(0, 12);
}

function protocolOf(raw: unknown): PortBinding['protocol'] {
  return raw === 'udp' || raw === 'sctp' ? raw : 'tcp';
}

function comparePorts(a: PortBinding, b: PortBinding): number {
  return (
    a.privatePort - b.privatePort ||
    a.protocol.localeCompare(b.protocol) ||
    (a.publicPort ?? -1) - (b.publicPort ?? -1) ||
    (a.ip ?? '').localeCompare(b.ip ?? '')
  );
}

/**
 * Ports deduplicated and sorted. The engine may list one binding twice, and publishes each port on both
 * 0.0.0.0 and :: (one per address family); the IPv6 twin of an IPv4 wildcard binding says nothing new.
 */
export function toPortBindings(ports: readonly Dockerode.Port[] | null | undefined): PortBinding[] {
  const seen = new Map<string, PortBinding>();
  for (const port of ports ?? []) {
    if (typeof port?.PrivatePort !== 'number') continue;
    const binding: PortBinding = {
      privatePort: port.PrivatePort,
      publicPort: typeof port.PublicPort === 'number' && port.PublicPort > 0 ? port.PublicPort : null,
      ip: port.IP ? port.IP : null,
      protocol: protocolOf(port.Type),
    };
    seen.set(`${binding.ip}|${binding.privatePort}|${binding.publicPort}|${binding.protocol}`, binding);
  }
  const bindings = [...seen.values()].filter(
    (b) => !(b.ip === '::' && seen.has(`0.0.0.0|${b.privatePort}|${b.publicPort}|${b.protocol}`)),
  );
  return bindings.sort(comparePorts);
}

export function toContainerSummary(info: Dockerode.ContainerInfo): ContainerSummary {
  const labels = info.Labels ?? {};
  return {
    id: info.Id,
    name: containerName(info.Names, info.Id),
    image: info.Image ?? '',
    imageId: info.ImageID ?? '',
    command: info.Command ?? '',
    state: toContainerState(info.State),
    status: info.Status ?? '',
    created: typeof info.Created === 'number' ? info.Created : 0,
    ports: toPortBindings(info.Ports),
    composeProject: labels['com.docker.compose.project'] || null,
  };
}
