// Checks what the Add engine dialog sends, as the core's contract does, in words the user can act on, before
// anything is sent. Pure, so each rule is tested on its own.

/** Null when the name is one the core accepts (`berth-<name>` becomes the id and the docker context). */
export function engineNameProblem(name: string, taken: readonly string[] = []): string | null {
  if (name === '') return 'Type a name, e.g. build-box';
  if (name.length > 31) return 'Use 31 characters or fewer';
  if (/[A-Z]/.test(name)) return 'Use lowercase letters: the name becomes a docker context name';
  if (!/^[a-z0-9-]+$/.test(name)) return 'Use only lowercase letters, digits and dashes';
  if (name.startsWith('-')) return 'Start with a letter or a digit';
  if (taken.includes(name)) return `There is already an engine named ${name}`;
  return null;
}

export interface SshTarget {
  user: string | null;
  host: string;
  port: number;
}

/** Parses `ssh://user@host[:port]` (IPv6 in brackets); a problem in words when it is not one. */
export function parseSshUrl(text: string): { ok: true; target: SshTarget } | { ok: false; problem: string } {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'Type the address, e.g. ssh://me@build-box' };
  if (!value.startsWith('ssh://')) return { ok: false, problem: 'Start with ssh://, e.g. ssh://me@build-box' };
  const rest = value.slice('ssh://'.length);
  if (/[\s/]/.test(rest)) return { ok: false, problem: 'No spaces or paths: ssh://user@host or ssh://user@host:2222' };
  const at = rest.lastIndexOf('@');
  const user = at >= 0 ? rest.slice(0, at) : null;
  if (user === '') return { ok: false, problem: 'Type the user name before @, or leave out the @' };
  const hostPort = at >= 0 ? rest.slice(at + 1) : rest;
  const match = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!match) return { ok: false, problem: 'Type a host name or address after ssh://user@' };
  const port = match[2] === undefined ? 22 : Number(match[2]);
  if (port < 1 || port > 65535) return { ok: false, problem: 'The port must be between 1 and 65535' };
  return { ok: true, target: { user, host: match[1], port } };
}

/** An absolute path or nothing (the remote's /var/run/docker.sock). */
export function socketPathProblem(path: string): string | null {
  if (path.trim() === '') return null;
  return path.trim().startsWith('/')
    ? null
    : 'Type an absolute path on the remote machine, e.g. /run/user/1000/docker.sock';
}

export type Parsed = { ok: true; value: number } | { ok: false; problem: string };

/** A whole number of CPUs, 1 to the host's count (a VM with more CPUs than the host only contends with itself). */
export function parseCpus(text: string, hostCpus: number): Parsed {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return { ok: false, problem: `Type a whole number of CPUs, 1 to ${hostCpus}` };
  const cpus = Number(value);
  if (cpus < 1 || cpus > hostCpus)
    return { ok: false, problem: `Use 1 to ${hostCpus} CPUs (this machine has ${hostCpus})` };
  return { ok: true, value: cpus };
}

/** `2048`, `2048 MiB`, `2 GiB`, `1.5G`: MiB unless a unit says otherwise, 512 MiB to 256 GiB as the core allows. */
export function parseMemoryMiB(text: string): Parsed {
  const match = /^(\d+(?:\.\d+)?)\s*(m|mib|mb|g|gib|gb)?$/i.exec(text.trim());
  if (!match) return { ok: false, problem: 'Type the memory, e.g. 2 GiB or 2048 MiB' };
  const unit = (match[2] ?? 'm').toLowerCase();
  const mib = Number(match[1]) * (unit.startsWith('g') ? 1024 : 1);
  if (!Number.isInteger(mib)) return { ok: false, problem: 'Use whole MiB, e.g. 1536 MiB' };
  if (mib < 512 || mib > 262_144) return { ok: false, problem: 'Use 512 MiB to 256 GiB' };
  return { ok: true, value: mib };
}

/** The data disk in whole GiB (a `GiB` after the number is fine), 4 to 4096. */
export function parseDiskGiB(text: string): Parsed {
  const match = /^(\d+)\s*(g|gib|gb)?$/i.exec(text.trim());
  if (!match) return { ok: false, problem: 'Type whole GiB, e.g. 32' };
  const gib = Number(match[1]);
  if (gib < 4 || gib > 4096) return { ok: false, problem: 'Use 4 to 4096 GiB' };
  return { ok: true, value: gib };
}
