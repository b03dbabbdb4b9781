// Maps the host PIDs the engine's `top` lists to the PIDs the container's own namespace gives the same
// processes, through `/proc/<pid>/status` (its `NSpid` line lists the PID in each nested namespace, the
// container's last). Only where the engine runs on this computer: a PID from elsewhere (a VM, a remote
// engine) names another process here, so each one is checked to be in the container's cgroup first.
import { readFile } from 'node:fs/promises';
import { isGoneError } from '../stats/cgroup/kept-open-file';

/** The PIDs of the `NSpid:` line, outermost first; null for a kernel without it (before 4.1). */
export function parseNsPids(status: string): number[] | null {
  const line = status.split('\n').find((each) => each.startsWith('NSpid:'));
  if (!line) return null;
  const pids = line
    .slice('NSpid:'.length)
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0);
  return pids.length > 0 ? pids : null;
}

/** The cgroup path of every driver names the container's full id (`/docker/<id>`, `docker-<id>.scope`, `libpod-<id>`). */
export function inContainerCgroup(procCgroup: string, containerId: string): boolean {
  return containerId.length >= 12 && procCgroup.includes(containerId);
}

export type PidLookup = { pids: Map<number, number> } | { unavailable: string };

/**
 * The container PID of each host PID. A process that exited since the engine listed it is left out; a PID
 * that is not in the container's cgroup (another machine's PID) makes the whole mapping unavailable, since
 * every PID then came from somewhere else.
 */
export async function containerPids(procRoot: string, containerId: string, hostPids: number[]): Promise<PidLookup> {
  const pids = new Map<number, number>();
  for (const hostPid of hostPids) {
    let status: string;
    let cgroup: string;
    try {
      [status, cgroup] = await Promise.all([
        readFile(`${procRoot}/${hostPid}/status`, 'utf8'),
        readFile(`${procRoot}/${hostPid}/cgroup`, 'utf8'),
      ]);
    } catch (error) {
      if (isGoneError(error)) continue;
      return { unavailable: `/proc/${hostPid} is not readable here (${(error as NodeJS.ErrnoException).code})` };
    }
    if (!inContainerCgroup(cgroup, containerId))
      return { unavailable: 'the engine’s PIDs are not this computer’s (the engine runs in a VM or elsewhere)' };
    const nested = parseNsPids(status);
    if (!nested) return { unavailable: 'this kernel does not report namespace PIDs (NSpid, Linux 4.1 or newer)' };
    pids.set(hostPid, nested[nested.length - 1]);
  }
  return { pids };
}
