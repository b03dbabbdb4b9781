// Owns checking the run dialog's form and turning it into the RunSpec the core runs. Problems are keyed by
// where they show (`name`, `ports:<row id>:hostPort`, …) so each sits beside its field; limit problems come
// from the shared limit rules (main/shared/limits/validate-limits.ts), worded exactly as the core's refusals.
// Ports are always sent with their host address (127.0.0.1 unless the user chose all interfaces), and "publish
// all" becomes one such port per EXPOSEd port, so the preview and the container say where each is reachable.
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '@shared/limits-types';
import { exposedPortsOn } from '@shared/run-spec';
import type { KeyValue, MountSpec, PortMapping, RunSpec } from '@shared/run-types';
import { publishAddress } from '@shared/settings-types';
import { limitFields, noLimits } from '@shared/limits/limit-fields';
import { normaliseLimits } from '@shared/limits/resolve-change';
import { validateLimits, type LimitProblem } from '@shared/limits/validate-limits';
import { parseArgv } from './argv';
import { isIpAddress } from './ip-address';
import { MAX_REPLICAS, type KeyValueRow, type MountRow, type PortRow, type RunForm } from './run-form';

/** Where a problem shows: `name`, `replicas`, `env:<id>:key`, `ports:<id>:containerPort`, `mounts:<id>:target`… */
export type ProblemKey = string;

export interface RunCheck {
  /** The spec to send, or null while there are problems. */
  spec: RunSpec | null;
  replicas: number;
  problems: Record<ProblemKey, string>;
  limitProblems: LimitProblem[];
  /** Every problem, for the count beside Run and the tabs' marks. */
  count: number;
  /** No spec yet only because the image's EXPOSEd ports are still being read. */
  pending: boolean;
}

/** What the image EXPOSEs, for "publish all": read from the engine, still being read, or not to be had. */
export type ExposedPorts =
  { state: 'known'; ports: readonly string[] } | { state: 'loading' } | { state: 'unknown'; message: string };

/** The same rule as the contract's containerRef: what the engine accepts as a name. */
const containerName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const volumeName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function checkRunForm(
  form: RunForm,
  capabilities: LimitsCapabilities,
  exposed: ExposedPorts = { state: 'known', ports: [] },
): RunCheck {
  const problems: Record<ProblemKey, string> = {};
  const add = (key: ProblemKey, message: string) => {
    problems[key] ??= message;
  };
  const image = form.image.trim();
  if (image === '') add('image', 'Enter the image to run, like nginx:1.27.');
  else if (/\s/.test(image)) add('image', 'An image reference has no spaces.');

  const replicas = form.replicas;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS)
    add('replicas', `Run 1 to ${MAX_REPLICAS} replicas.`);

  const name = form.name.trim();
  const longest = replicas > 1 ? `${name}-${replicas}` : name;
  if (name !== '' && !containerName.test(longest)) {
    add(
      'name',
      longest.length > 128
        ? 'The name is too long (128 characters at most, replica number included).'
        : 'A name starts with a letter or digit and has only letters, digits, _ . and -.',
    );
  }

  const command = argvOf(form.command, 'command', add);
  const entrypoint = argvOf(form.entrypoint, 'entrypoint', add);
  const env = keyValues(form.env, 'env', 'variable', add);
  const labels = keyValues(form.labels, 'labels', 'label', add);
  const rows = portMappings(
    form.ports,
    Number.isInteger(replicas) && replicas > 1 ? replicas : 1,
    publishAddress[form.publishInterface],
    add,
  );
  const all = publishAllPorts(form, rows, exposed, add);
  const ports = [...rows, ...(all ?? [])];
  const mounts = mountSpecs(form.mounts, add);

  const normalised = normaliseLimits(form.limits, capabilities.engineCpus);
  const limits = limitsProfile(normalised);
  const limitProblems = validateLimits(normalised, noLimits, limits, capabilities);

  const count = Object.keys(problems).length + limitProblems.length;
  const pending = count === 0 && all === null;
  const spec: RunSpec | null =
    count > 0 || pending
      ? null
      : {
          image,
          name: name === '' ? null : name,
          command,
          entrypoint,
          env,
          publishAll: false,
          ports,
          mounts,
          network: form.network,
          restartPolicy: { ...normalised.restartPolicy },
          labels,
          limits: withoutRestartPolicy(limits),
        };
  return { spec, replicas, problems, limitProblems, count, pending };
}

/**
 * "Publish all" as explicit ports on the chosen address, leaving the ports a row publishes to that row; null
 * while the image's ports are being read. An image the engine does not have yet cannot say what it exposes.
 */
function publishAllPorts(
  form: RunForm,
  rows: readonly PortMapping[],
  exposed: ExposedPorts,
  add: Add,
): PortMapping[] | null {
  if (!form.publishAll) return [];
  if (exposed.state === 'loading') return null;
  if (exposed.state === 'unknown') {
    add('ports:publishAll', exposed.message);
    return [];
  }
  return exposedPortsOn(
    exposed.ports,
    form.publishInterface,
    new Set(rows.map((port) => `${port.containerPort}/${port.protocol}`)),
  );
}

/**
 * A limit set as a profile: only the limits that are set (a new container has none of the others), and the
 * restart policy when it is not "no". The settings' default profile is saved in this form.
 */
export function limitsProfile(limits: ContainerLimits): LimitsChange {
  const change: Record<string, unknown> = {};
  for (const field of limitFields) {
    if (field === 'restartPolicy') {
      if (limits.restartPolicy.name !== 'no') change.restartPolicy = { ...limits.restartPolicy };
    } else if (limits[field] !== null) change[field] = limits[field];
  }
  return change as LimitsChange;
}

/** The spec carries the restart policy on its own; its limits are the resources only. */
function withoutRestartPolicy(change: LimitsChange): LimitsChange {
  const { restartPolicy, ...rest } = change;
  void restartPolicy;
  return rest;
}

type Add = (key: ProblemKey, message: string) => void;

function argvOf(text: string, key: 'command' | 'entrypoint', add: Add): string[] | null {
  if (text.trim() === '') return null;
  const parsed = parseArgv(text);
  if (!parsed.ok) {
    add(key, parsed.message);
    return null;
  }
  return parsed.argv;
}

/** Rows left blank are ignored; a value needs its key. */
function keyValues(rows: readonly KeyValueRow[], section: 'env' | 'labels', noun: string, add: Add): KeyValue[] {
  const result: KeyValue[] = [];
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (key === '') add(`${section}:${row.id}:key`, `Enter the ${noun}'s name.`);
    else if (section === 'env' && key.includes('='))
      add(`${section}:${row.id}:key`, 'A variable name cannot contain "=".');
    else result.push({ key, value: row.value });
  }
  return result;
}

function portNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : null;
}

/** Replicas publish a fixed host port shifted by one each (main/shared/run-spec.ts replicaSpec): the last must exist. */
function portMappings(rows: readonly PortRow[], replicas: number, defaultAddress: string, add: Add): PortMapping[] {
  const result: PortMapping[] = [];
  const published = new Set<string>();
  for (const row of rows) {
    if (row.containerPort.trim() === '' && row.hostPort.trim() === '' && row.hostIp.trim() === '') continue;
    const containerPort = portNumber(row.containerPort);
    if (containerPort === null)
      add(
        `ports:${row.id}:containerPort`,
        row.containerPort.trim() === ''
          ? 'Enter the port in the container.'
          : 'A port is a whole number from 1 to 65535.',
      );
    const hostPort = row.hostPort.trim() === '' ? null : portNumber(row.hostPort);
    if (row.hostPort.trim() !== '' && hostPort === null)
      add(`ports:${row.id}:hostPort`, 'A port is a whole number from 1 to 65535, or empty for any free port.');
    const hostIp = row.hostIp.trim() === '' ? defaultAddress : row.hostIp.trim();
    if (!isIpAddress(hostIp))
      add(
        `ports:${row.id}:hostIp`,
        `Enter an IPv4 or IPv6 address like 127.0.0.1, or leave it empty for ${defaultAddress}.`,
      );
    if (hostPort !== null && hostPort + replicas - 1 > 65535) {
      add(
        `ports:${row.id}:hostPort`,
        `${replicas} replicas publish host ports ${hostPort} to ${hostPort + replicas - 1}: pick a port at most ${65536 - replicas}.`,
      );
    }
    if (hostPort !== null) {
      const where = `${hostIp}|${hostPort}/${row.protocol}`;
      if (published.has(where))
        add(`ports:${row.id}:hostPort`, `Host port ${hostPort}/${row.protocol} is already published by another row.`);
      published.add(where);
    }
    if (containerPort !== null) result.push({ containerPort, protocol: row.protocol, hostPort, hostIp });
  }
  return result;
}

function mountSpecs(rows: readonly MountRow[], add: Add): MountSpec[] {
  const result: MountSpec[] = [];
  const targets = new Set<string>();
  for (const row of rows) {
    const source = row.source.trim();
    const target = row.target.trim();
    if (source === '' && target === '') continue;
    if (source === '')
      add(
        `mounts:${row.id}:source`,
        row.type === 'bind' ? 'Enter the folder or file on the host.' : 'Enter the volume name.',
      );
    else if (row.type === 'bind' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(source))
      add(`mounts:${row.id}:source`, 'A bind mount needs an absolute host path, like /srv/data.');
    else if (row.type === 'volume' && !volumeName.test(source))
      add(`mounts:${row.id}:source`, 'A volume name has only letters, digits, _ . and -.');
    if (target === '') add(`mounts:${row.id}:target`, 'Enter the path in the container, like /data.');
    else if (!target.startsWith('/'))
      add(`mounts:${row.id}:target`, 'The path in the container must be absolute (start with /).');
    else if (targets.has(target)) add(`mounts:${row.id}:target`, `${target} is already mounted by another row.`);
    targets.add(target);
    if (source !== '' && target.startsWith('/'))
      result.push({ type: row.type, source, target, readOnly: row.readOnly });
  }
  return result;
}
