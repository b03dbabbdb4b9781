// Owns the run dialog's model beyond its type: an empty spec, a spec preset from an image's EXPOSE list, the
// labels that make containers one replica group, and how an entrypoint is split the way `docker run` must
// split it. Pure: the renderer (dialog, live preview) and the core (create options) share every rule here.
import type { ImageConfigView } from './image-types';
import type { PortMapping, PortProtocol, RunSpec } from './run-types';
import { publishAddress, type PublishInterface } from './settings-types';

/** Labels on every replica: the group's base name, the replica's index, and the spec that made it. */
export const replicaLabels = {
  group: 'berth.replica-group',
  index: 'berth.replica-index',
  /** The RunSpec as JSON (name = the base), so scaling up later recreates the same settings. */
  spec: 'berth.run-spec',
} as const;

/** What `docker run IMAGE` does: the image's own command and entrypoint, no ports, no limits. */
export function emptyRunSpec(image: string): RunSpec {
  return {
    image,
    name: null,
    command: null,
    entrypoint: null,
    env: [],
    publishAll: false,
    ports: [],
    mounts: [],
    network: null,
    restartPolicy: { name: 'no', maximumRetryCount: 0 },
    labels: [],
    limits: {},
  };
}

/** `8080/tcp` → a mapping to an engine-chosen host port; null for anything the engine would not list. */
export function portFromExposed(exposed: string): PortMapping | null {
  const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(exposed.trim());
  if (!match) return null;
  const containerPort = Number(match[1]);
  if (containerPort < 1 || containerPort > 65535) return null;
  return { containerPort, protocol: (match[2] ?? 'tcp') as PortProtocol, hostPort: null, hostIp: null };
}

/**
 * Every EXPOSEd port published to a free host port on the chosen interface, each as its own `-p ADDRESS::PORT`
 * (`-P` cannot say where: it takes the engine's default, all interfaces on most engines). Ports `taken` (by
 * the user's own rows, `8080/tcp`) are left to those rows.
 */
export function exposedPortsOn(
  exposed: readonly string[],
  where: PublishInterface,
  taken: ReadonlySet<string> = new Set(),
): PortMapping[] {
  const ports: PortMapping[] = [];
  const seen = new Set(taken);
  for (const text of exposed) {
    const port = portFromExposed(text);
    const key = port ? `${port.containerPort}/${port.protocol}` : '';
    if (!port || seen.has(key)) continue;
    seen.add(key);
    ports.push({ ...port, hostIp: publishAddress[where] });
  }
  return ports;
}

/** A spec preset for an image: each EXPOSEd port listed (to a free host port), so the dialog shows them. */
export function runSpecFromImage(image: string, config: Pick<ImageConfigView, 'exposedPorts'>): RunSpec {
  const ports = config.exposedPorts.map(portFromExposed).filter((port): port is PortMapping => port !== null);
  return { ...emptyRunSpec(image), ports };
}

/**
 * `docker run --entrypoint` takes one string, so a longer entrypoint's other elements go first among the
 * command arguments. The core creates containers split the same way, so the preview is exactly what runs.
 * An empty entrypoint is `--entrypoint ''`: the CLI then sends `[""]`, which clears the image's entrypoint.
 */
export function splitEntrypoint(spec: Pick<RunSpec, 'entrypoint' | 'command'>): {
  entrypoint: string | null;
  args: string[] | null;
} {
  if (spec.entrypoint === null) return { entrypoint: null, args: spec.command };
  const [first = '', ...rest] = spec.entrypoint;
  const args = [...rest, ...(spec.command ?? [])];
  return { entrypoint: first, args: args.length > 0 ? args : null };
}

/** The spec of replica `index` (1-based) of group `base`: its name, host ports shifted, group labels added. */
export function replicaSpec(spec: RunSpec, base: string, index: number): RunSpec {
  const own = new Set<string>(Object.values(replicaLabels));
  const labels = spec.labels.filter((label) => !own.has(label.key));
  const stored: RunSpec = { ...spec, name: base, labels };
  return {
    ...spec,
    name: `${base}-${index}`,
    // Fixed host ports shift per replica so they do not collide; engine-chosen ones (null) stay free.
    ports: spec.ports.map((port) => ({ ...port, hostPort: port.hostPort === null ? null : port.hostPort + index - 1 })),
    labels: [
      ...labels,
      { key: replicaLabels.group, value: base },
      { key: replicaLabels.index, value: String(index) },
      { key: replicaLabels.spec, value: JSON.stringify(stored) },
    ],
  };
}

/** The limits a new container gets, in the engine's create fields; absent fields are not sent at all. */
export interface CreationLimits {
  nanoCpus?: number;
  cpuShares?: number;
  cpusetCpus?: string;
  memory?: number;
  memoryReservation?: number;
  /** -1: unlimited swap. */
  memorySwap?: number;
  pidsLimit?: number;
}

/**
 * A spec's limits as `docker run` sets them. null and absent both leave a limit unset (a new container has
 * none), except memory+swap: null beside a memory limit is unlimited swap (-1), while absent lets the engine
 * apply its default (twice the memory). CPUs use NanoCpus, as `--cpus` does. The restart policy is the spec's
 * own `restartPolicy`, never the limits'.
 */
export function creationLimits(limits: RunSpec['limits']): CreationLimits {
  const out: CreationLimits = {};
  if (typeof limits.cpus === 'number') out.nanoCpus = Math.round(limits.cpus * 1e9);
  if (typeof limits.cpuShares === 'number') out.cpuShares = limits.cpuShares;
  if (typeof limits.cpusetCpus === 'string' && limits.cpusetCpus !== '') out.cpusetCpus = limits.cpusetCpus;
  if (typeof limits.memoryBytes === 'number') out.memory = limits.memoryBytes;
  if (typeof limits.memoryReservationBytes === 'number') out.memoryReservation = limits.memoryReservationBytes;
  if (typeof limits.memorySwapBytes === 'number') out.memorySwap = limits.memorySwapBytes;
  else if (limits.memorySwapBytes === null && out.memory !== undefined) out.memorySwap = -1;
  if (typeof limits.pidsLimit === 'number') out.pidsLimit = limits.pidsLimit;
  return out;
}
