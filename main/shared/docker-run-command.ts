// Owns the `docker run` command line equivalent to a RunSpec, as the run dialog previews it live: the same
// container the core would create (same split entrypoint, same limits), shell-quoted for POSIX shells, with
// flags in a stable order so the preview does not jump around while the user types.
import type { MountSpec, PortMapping, RunSpec } from './run-types';
import { creationLimits, splitEntrypoint } from './run-spec';

export interface DockerRunCommandOptions {
  /** The program name at the start of the line; `docker` by default. */
  program?: string;
}

/** Words made only of these need no quotes in any POSIX shell. */
const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX single quotes: everything literal; a single quote is written as `'\''`. */
export function shellQuote(word: string): string {
  if (safeWord.test(word)) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** `-p` syntax: `[ip:][hostPort:]containerPort[/proto]`; an IPv6 address in brackets; `/tcp` left out. */
export function portFlag(port: PortMapping): string {
  const container = port.protocol === 'tcp' ? String(port.containerPort) : `${port.containerPort}/${port.protocol}`;
  const host = port.hostPort === null ? '' : String(port.hostPort);
  if (port.hostIp !== null) {
    const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
    return `${ip}:${host}:${container}`;
  }
  return host === '' ? container : `${host}:${container}`;
}

/** `--mount` values are CSV: a field holding a comma or a double quote is double-quoted, quotes doubled. */
function csvField(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function mountFlag(mount: MountSpec): string {
  const fields = [`type=${mount.type}`, `source=${mount.source}`, `target=${mount.target}`];
  if (mount.readOnly) fields.push('readonly');
  return fields.map(csvField).join(',');
}

/** Bytes in the largest binary unit that holds them exactly (`64m`, `1g`, `12345b`), as `--memory` reads them. */
export function bytesFlag(bytes: number): string {
  if (bytes < 0) return String(bytes);
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const) {
    if (bytes > 0 && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

/** NanoCpus as `--cpus` reads them back exactly (the CLI refuses more precision than 1e-9). */
export function cpusFlag(nanoCpus: number): string {
  const whole = Math.floor(nanoCpus / 1e9);
  const fraction = String(nanoCpus % 1e9)
    .padStart(9, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

function restartFlag(policy: RunSpec['restartPolicy']): string | null {
  if (policy.name === 'no') return null;
  if (policy.name === 'on-failure' && policy.maximumRetryCount > 0) return `on-failure:${policy.maximumRetryCount}`;
  return policy.name;
}

/** The words of the command, unquoted (for tests and for running it without a shell). */
export function dockerRunArgs(spec: RunSpec): string[] {
  const args = ['run', '-d'];
  const flag = (name: string, value: string) => args.push(name, value);
  const { entrypoint, args: commandArgs } = splitEntrypoint(spec);
  if (spec.name !== null) flag('--name', spec.name);
  if (entrypoint !== null) flag('--entrypoint', entrypoint);
  // Always KEY=VALUE: a bare `-e KEY` would copy the variable from the shell running the command.
  for (const { key, value } of spec.env) flag('-e', `${key}=${value}`);
  for (const port of spec.ports) flag('-p', portFlag(port));
  if (spec.publishAll) args.push('-P');
  for (const mount of spec.mounts) flag('--mount', mountFlag(mount));
  if (spec.network !== null) flag('--network', spec.network);
  const restart = restartFlag(spec.restartPolicy);
  if (restart !== null) flag('--restart', restart);
  // Always key=value: a bare `--label key` is a label with an empty value only by accident of the CLI.
  for (const { key, value } of spec.labels) flag('--label', `${key}=${value}`);
  const limits = creationLimits(spec.limits);
  if (limits.nanoCpus !== undefined) flag('--cpus', cpusFlag(limits.nanoCpus));
  if (limits.cpuShares !== undefined) flag('--cpu-shares', String(limits.cpuShares));
  if (limits.cpusetCpus !== undefined) flag('--cpuset-cpus', limits.cpusetCpus);
  if (limits.memory !== undefined) flag('--memory', bytesFlag(limits.memory));
  if (limits.memoryReservation !== undefined) flag('--memory-reservation', bytesFlag(limits.memoryReservation));
  if (limits.memorySwap !== undefined) flag('--memory-swap', bytesFlag(limits.memorySwap));
  if (limits.pidsLimit !== undefined) flag('--pids-limit', String(limits.pidsLimit));
  args.push(spec.image);
  if (commandArgs !== null) args.push(...commandArgs);
  return args;
}

/** The whole line, e.g. `docker run -d --name web -p 8080:80 nginx:1.27`. */
export function dockerRunCommand(spec: RunSpec, options: DockerRunCommandOptions = {}): string {
  return [options.program ?? 'docker', ...dockerRunArgs(spec)].map(shellQuote).join(' ');
}
