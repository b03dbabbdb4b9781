// Owns finding a container's cgroup directories from `/proc/<pid>/cgroup` of its init process, whatever the
// cgroup driver (cgroupfs `/docker/<id>`, systemd `/system.slice/docker-<id>.scope`) or parent: v1 lines
// `N:cpu,cpuacct:/path` under the controller's mount (which may be a combined one such as `cpu,cpuacct`),
// the v2 line `0::/path` under the unified root.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CollectorUnavailableError } from '../collector';

export interface ProcCgroupLine {
  hierarchy: string;
  /** Empty for the v2 line; `name=systemd` style entries are named hierarchies without controllers. */
  controllers: string[];
  path: string;
}

/** Parses `/proc/<pid>/cgroup`; the path may itself contain colons, so only the first two split. */
export function parseProcCgroup(text: string): ProcCgroupLine[] {
  const lines: ProcCgroupLine[] = [];
  for (const raw of text.split('\n')) {
    const first = raw.indexOf(':');
    const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
    if (second < 0) continue;
    const field = raw.slice(first + 1, second);
    lines.push({
      hierarchy: raw.slice(0, first),
      controllers: field === '' ? [] : field.split(','),
      path: raw.slice(second + 1),
    });
  }
  return lines;
}

export type CgroupDirs =
  | { version: 1; cpuacct: string; memory: string; cpu: string | null; pids: string | null; blkio: string | null }
  | { version: 2; dir: string };

export interface FindCgroupOptions {
  cgroupRoot: string;
  /** The engine's CgroupVersion (`1`, `2`), or '' to look at the mounted hierarchy. */
  version: string;
  /** The directory must belong to this container: its path names the id under every driver. */
  containerId: string;
  exists?: (path: string) => boolean;
}

/** v2 mounts the unified hierarchy at the root, and only v2 has `cgroup.controllers` there. */
export function detectCgroupVersion(cgroupRoot: string, exists: (path: string) => boolean = existsSync): '1' | '2' {
  return exists(join(cgroupRoot, 'cgroup.controllers')) ? '2' : '1';
}

function unavailable(why: string): never {
  throw new CollectorUnavailableError(why);
}

/**
 * The directories to read for a container, from the text of its init process's `/proc/<pid>/cgroup`.
 * Throws CollectorUnavailableError saying why when they are not there (another host, a VM, a namespace).
 */
export function findCgroupDirs(procCgroup: string, options: FindCgroupOptions): CgroupDirs {
  const exists = options.exists ?? existsSync;
  const version =
    options.version === '1' || options.version === '2'
      ? options.version
      : detectCgroupVersion(options.cgroupRoot, exists);
  const lines = parseProcCgroup(procCgroup);
  // The id check keeps a pid from another machine's namespace (an engine in a VM behind a local socket, or a
  // reused pid) from pointing at some unrelated cgroup of this host.
  const owned = (line: ProcCgroupLine) => line.path.includes(options.containerId);
  if (version === '2') {
    const line = lines.find((l) => l.hierarchy === '0' && l.controllers.length === 0);
    if (!line) unavailable('its process lists no cgroup v2 hierarchy');
    if (!owned(line)) unavailable(`its cgroup ${line.path} does not name the container (another host or namespace?)`);
    const dir = join(options.cgroupRoot, line.path);
    if (!exists(join(dir, 'cpu.stat')) || !exists(join(dir, 'memory.current')))
      unavailable(`${dir} has no cpu.stat or memory.current here`);
    return { version: 2, dir };
  }
  const dirOf = (controller: string, required: boolean): string | null => {
    const line = lines.find((l) => l.controllers.includes(controller));
    if (!line) return required ? unavailable(`its process is in no ${controller} cgroup`) : null;
    if (!owned(line))
      return required
        ? unavailable(`its ${controller} cgroup ${line.path} does not name the container (another host or namespace?)`)
        : null;
    // A combined mount is named after all its controllers (`cpu,cpuacct`), usually with a symlink per controller.
    for (const mount of [line.controllers.join(','), controller]) {
      const dir = join(options.cgroupRoot, mount, line.path);
      if (exists(dir)) return dir;
    }
    return required
      ? unavailable(`the ${controller} cgroup ${line.path} is not under ${options.cgroupRoot} here`)
      : null;
  };
  return {
    version: 1,
    cpuacct: dirOf('cpuacct', true) as string,
    memory: dirOf('memory', true) as string,
    cpu: dirOf('cpu', false),
    pids: dirOf('pids', false),
    blkio: dirOf('blkio', false),
  };
}
