// Owns reading what the kernel enforces for a container from its cgroup files, when the engine runs on this
// host: the container's cgroups come from /proc/<pid>/cgroup of its init process (so any driver or parent
// works), v1 per controller, v2 in one unified directory. The engine's HostConfig can disagree with the
// kernel (see enforced-limits.ts), and after a refused update these files are the only way to see what changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerLimits } from '../../shared/limits-types';
import { normaliseCpuset } from '../../shared/limits/cpuset';
import { DEFAULT_CPU_SHARES } from '../../shared/limits/limit-units';
import { detectCgroupVersion, parseProcCgroup } from '../stats/cgroup/cgroup-paths';
import { bytesLimit, roundCpus } from './engine-units';

export type KernelLimits = Partial<
  Pick<
    ContainerLimits,
    'cpus' | 'cpuShares' | 'cpusetCpus' | 'memoryBytes' | 'memoryReservationBytes' | 'memorySwapBytes' | 'pidsLimit'
  >
>;

export interface KernelReading {
  /** Only the fields the kernel files stated; the others keep their configured value. */
  limits: KernelLimits;
  /** Memory in use minus inactive file cache (what `docker stats` shows), or null when unreadable. */
  memoryUsageBytes: number | null;
}

export interface KernelPaths {
  procRoot: string;
  cgroupRoot: string;
}

export type ContainerCgroups =
  | { version: 1; cpu: string | null; cpuset: string | null; memory: string | null; pids: string | null }
  | { version: 2; dir: string };

/** A file's text, or null when it is not there or not readable: that field is then simply not known. */
function readText(path: string | null, file: string): string | null {
  if (!path) return null;
  try {
    return readFileSync(join(path, file), 'utf8').trim();
  } catch {
    // ENOENT (controller off, container gone) and EACCES are expected: the caller falls back to HostConfig.
    return null;
  }
}

function int(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text)) return null;
  return Number(text);
}

/** The container's cgroup directories, or null when its process is not visible here (another host, a VM). */
export function findContainerCgroups(
  procCgroup: string,
  containerId: string,
  cgroupRoot: string,
  engineVersion: string,
): ContainerCgroups | null {
  const version = engineVersion === '1' || engineVersion === '2' ? engineVersion : detectCgroupVersion(cgroupRoot);
  const lines = parseProcCgroup(procCgroup);
  // The id check keeps a pid of another machine's namespace from pointing at an unrelated cgroup of this host.
  if (version === '2') {
    const line = lines.find((l) => l.hierarchy === '0' && l.controllers.length === 0);
    return line && line.path.includes(containerId) ? { version: 2, dir: join(cgroupRoot, line.path) } : null;
  }
  const dirOf = (controller: string): string | null => {
    const line = lines.find((l) => l.controllers.includes(controller));
    if (!line || !line.path.includes(containerId)) return null;
    // A combined mount is named after all its controllers (`cpu,cpuacct`), usually with a symlink per controller.
    const names = [controller, line.controllers.join(',')];
    return (
      names.map((name) => join(cgroupRoot, name, line.path)).find((dir) => readText(dir, 'cgroup.procs') !== null) ??
      null
    );
  };
  const found = {
    version: 1 as const,
    cpu: dirOf('cpu'),
    cpuset: dirOf('cpuset'),
    memory: dirOf('memory'),
    pids: dirOf('pids'),
  };
  return found.cpu || found.memory ? found : null;
}

function memoryUsage(usage: number | null, stat: string | null, inactiveKey: string): number | null {
  if (usage === null) return null;
  const match = stat ? new RegExp(`^${inactiveKey} (\\d+)$`, 'm').exec(stat) : null;
  const inactive = match ? Number(match[1]) : 0;
  return Math.max(0, usage - (inactive < usage ? inactive : 0));
}

function readV1(dirs: Extract<ContainerCgroups, { version: 1 }>, engineCpus: number): KernelReading {
  const limits: KernelLimits = {};
  const quota = int(readText(dirs.cpu, 'cpu.cfs_quota_us'));
  const period = int(readText(dirs.cpu, 'cpu.cfs_period_us'));
  if (quota !== null && period !== null && period > 0) limits.cpus = quota < 0 ? null : roundCpus(quota / period);
  const shares = int(readText(dirs.cpu, 'cpu.shares'));
  if (shares !== null) limits.cpuShares = shares === DEFAULT_CPU_SHARES ? null : shares;
  const cpuset = readText(dirs.cpuset, 'cpuset.cpus');
  if (cpuset !== null) limits.cpusetCpus = normaliseCpuset(cpuset, engineCpus);
  const memory = int(readText(dirs.memory, 'memory.limit_in_bytes'));
  if (memory !== null) limits.memoryBytes = bytesLimit(memory);
  const soft = int(readText(dirs.memory, 'memory.soft_limit_in_bytes'));
  if (soft !== null) limits.memoryReservationBytes = bytesLimit(soft);
  const memsw = int(readText(dirs.memory, 'memory.memsw.limit_in_bytes'));
  if (memsw !== null) limits.memorySwapBytes = limits.memoryBytes === null ? null : bytesLimit(memsw);
  const pids = readText(dirs.pids, 'pids.max');
  if (pids !== null) limits.pidsLimit = pids === 'max' ? null : int(pids);
  const usage = memoryUsage(
    int(readText(dirs.memory, 'memory.usage_in_bytes')),
    readText(dirs.memory, 'memory.stat'),
    'total_inactive_file',
  );
  return { limits, memoryUsageBytes: usage };
}

function maxValue(text: string | null): number | null | undefined {
  if (text === null) return undefined;
  return text === 'max' ? null : (int(text) ?? undefined);
}

/** cgroup v2 (not exercised by the test engine here, which is v1): memory.low is the reservation. */
function readV2(dir: string, engineCpus: number): KernelReading {
  const limits: KernelLimits = {};
  const cpuMax = readText(dir, 'cpu.max')?.split(/\s+/);
  if (cpuMax && cpuMax.length === 2)
    limits.cpus = cpuMax[0] === 'max' ? null : roundCpus(Number(cpuMax[0]) / Number(cpuMax[1]));
  // cpu.weight is a lossy conversion of shares: HostConfig stays the source for shares on v2.
  const cpuset = readText(dir, 'cpuset.cpus');
  if (cpuset !== null) limits.cpusetCpus = normaliseCpuset(cpuset, engineCpus);
  const memory = maxValue(readText(dir, 'memory.max'));
  if (memory !== undefined) limits.memoryBytes = bytesLimit(memory);
  const low = maxValue(readText(dir, 'memory.low'));
  if (low !== undefined) limits.memoryReservationBytes = bytesLimit(low);
  const swap = maxValue(readText(dir, 'memory.swap.max'));
  // v2 limits swap alone; ContainerLimits (like Docker's MemorySwap) holds memory + swap.
  if (swap !== undefined && limits.memoryBytes !== undefined) {
    limits.memorySwapBytes = limits.memoryBytes === null || swap === null ? null : limits.memoryBytes + swap;
  }
  const pids = maxValue(readText(dir, 'pids.max'));
  if (pids !== undefined) limits.pidsLimit = pids;
  const usage = memoryUsage(int(readText(dir, 'memory.current')), readText(dir, 'memory.stat'), 'inactive_file');
  return { limits, memoryUsageBytes: usage };
}

/** What the kernel enforces for a running container, or null when its cgroups are not readable from here. */
export function readKernelLimits(
  container: { id: string; pid: number },
  engineCgroupVersion: string,
  engineCpus: number,
  paths: KernelPaths,
): KernelReading | null {
  if (container.pid <= 0) return null;
  const procCgroup = readText(join(paths.procRoot, String(container.pid)), 'cgroup');
  if (procCgroup === null) return null;
  const cgroups = findContainerCgroups(procCgroup, container.id, paths.cgroupRoot, engineCgroupVersion);
  if (!cgroups) return null;
  return cgroups.version === 2 ? readV2(cgroups.dir, engineCpus) : readV1(cgroups, engineCpus);
}
