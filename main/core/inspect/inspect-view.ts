// Turns the engine's container inspect JSON into the readable sections of the Inspect and Isolation tabs,
// keeping the JSON itself untouched beside them. Engines differ (Podman leaves fields null or absent), so
// every field is read defensively.
import type Dockerode from 'dockerode';
import type {
  ContainerInspectView,
  HealthView,
  KeyValue,
  MountView,
  NetworkView,
  StateView,
} from '../../shared/inspect-types';
import { toPortBindings } from '../containers/container-summary';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function orNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function strings(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : null;
}

/** `KEY=value` lines; a line without `=` is a variable passed without a value. */
export function parseEnv(lines: unknown): KeyValue[] {
  return (strings(lines) ?? []).map((line) => {
    const at = line.indexOf('=');
    return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at), value: line.slice(at + 1) };
  });
}

function labelsOf(value: unknown): KeyValue[] {
  return Object.entries(record(value))
    .map(([key, each]) => ({ key, value: text(each) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function mountsOf(value: unknown): MountView[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const mount = record(raw);
    const type = text(mount.Type) || 'bind';
    const name = orNull(mount.Name);
    return {
      type,
      source: type === 'volume' && name ? name : text(mount.Source),
      destination: text(mount.Destination),
      readOnly: mount.RW === false,
      volumeName: type === 'volume' ? name : null,
    };
  });
}

/** `NetworkSettings.Ports` (`{"80/tcp": [{HostIp, HostPort}] | null}`) in the list's shape, so one mapper sorts both. */
function portsOf(value: unknown): Dockerode.Port[] {
  const ports: Dockerode.Port[] = [];
  for (const [key, bindings] of Object.entries(record(value))) {
    const [privatePort, type = 'tcp'] = key.split('/');
    const port = Number(privatePort);
    if (!Number.isInteger(port)) continue;
    const list = Array.isArray(bindings) ? bindings.map(record) : [];
    if (list.length === 0) ports.push({ PrivatePort: port, Type: type, IP: '' } as Dockerode.Port);
    for (const binding of list) {
      const hostPort = Number(binding.HostPort);
      ports.push({
        PrivatePort: port,
        PublicPort: Number.isInteger(hostPort) && hostPort > 0 ? hostPort : undefined,
        Type: type,
        IP: text(binding.HostIp),
      } as Dockerode.Port);
    }
  }
  return ports;
}

function networksOf(value: unknown): NetworkView[] {
  return Object.entries(record(value))
    .map(([name, raw]) => {
      const network = record(raw);
      const ip = orNull(network.IPAddress);
      const prefix = count(network.IPPrefixLen);
      return {
        name,
        ipAddress: ip,
        cidr: ip && prefix > 0 ? `${ip}/${prefix}` : null,
        ipv6Address: orNull(network.GlobalIPv6Address),
        macAddress: orNull(network.MacAddress),
        gateway: orNull(network.Gateway),
        aliases: strings(network.Aliases) ?? [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function healthOf(state: Json, config: Json): HealthView | null {
  const health = record(state.Health);
  const test = strings(record(config.Healthcheck).Test);
  if (Object.keys(health).length === 0 && !test) return null;
  const log = Array.isArray(health.Log) ? health.Log.map(record) : [];
  return {
    status: text(health.Status) || 'none',
    failingStreak: count(health.FailingStreak),
    log: log.map((run) => ({
      start: text(run.Start),
      end: text(run.End),
      exitCode: count(run.ExitCode),
      output: text(run.Output),
    })),
    test,
  };
}

/** The engine writes `0001-01-01T00:00:00Z` for a time that never happened. */
function time(value: unknown): string | null {
  const at = orNull(value);
  return at && !at.startsWith('0001-') ? at : null;
}

function stateOf(state: Json): StateView {
  return {
    status: text(state.Status),
    running: state.Running === true,
    paused: state.Paused === true,
    pid: count(state.Pid),
    exitCode: count(state.ExitCode),
    error: text(state.Error),
    oomKilled: state.OOMKilled === true,
    startedAt: time(state.StartedAt),
    finishedAt: time(state.FinishedAt),
  };
}

export function toInspectView(raw: Json): ContainerInspectView {
  const config = record(raw.Config);
  const hostConfig = record(raw.HostConfig);
  const settings = record(raw.NetworkSettings);
  const state = record(raw.State);
  return {
    id: text(raw.Id),
    name: text(raw.Name).replace(/^\//, ''),
    image: text(config.Image) || text(raw.Image),
    hostname: text(config.Hostname),
    path: text(raw.Path),
    args: strings(raw.Args) ?? [],
    entrypoint: strings(config.Entrypoint),
    command: strings(config.Cmd),
    workingDir: text(config.WorkingDir),
    user: text(config.User),
    env: parseEnv(config.Env),
    labels: labelsOf(config.Labels),
    mounts: mountsOf(raw.Mounts),
    ports: toPortBindings(portsOf(settings.Ports)),
    networkMode: text(hostConfig.NetworkMode),
    networks: networksOf(settings.Networks),
    health: healthOf(state, config),
    restartCount: count(raw.RestartCount),
    state: stateOf(state),
    raw,
  };
}
