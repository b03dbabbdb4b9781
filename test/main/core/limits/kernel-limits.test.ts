// Reading enforced limits from cgroup files, against fake /proc and cgroup trees (v1 with separate and
// combined controller mounts, v2), and refusing cgroups that do not name the container.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContainerCgroups, readKernelLimits } from '../../../../main/core/limits/kernel-limits';
import { limits, MiB } from '../../shared/limits/limit-sets';

const id = 'c0ffee'.padEnd(64, '0');
let root: string;
let paths: { procRoot: string; cgroupRoot: string };

function write(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
}

function v1Tree(values: Record<string, Record<string, string>>, cpuMount = 'cpu'): void {
  write(join(paths.procRoot, '42'), {
    cgroup: [
      `8:pids:/docker/${id}`,
      `4:memory:/docker/${id}`,
      `3:cpuset:/docker/${id}`,
      `1:${cpuMount === 'cpu' ? 'cpu' : 'cpu,cpuacct'}:/docker/${id}`,
      `0::/docker/${id}`,
    ].join('\n'),
  });
  for (const [controller, files] of Object.entries(values)) {
    const mount = controller === 'cpu' ? cpuMount : controller;
    write(join(paths.cgroupRoot, mount, 'docker', id), { 'cgroup.procs': '42', ...files });
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'berth-limits-'));
  paths = { procRoot: join(root, 'proc'), cgroupRoot: join(root, 'cgroup') };
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('kernel limits, cgroup v1', () => {
  const limited = {
    cpu: { 'cpu.cfs_quota_us': '50000', 'cpu.cfs_period_us': '100000', 'cpu.shares': '512' },
    cpuset: { 'cpuset.cpus': '1' },
    memory: {
      'memory.limit_in_bytes': String(64 * MiB),
      'memory.soft_limit_in_bytes': String(32 * MiB),
      'memory.memsw.limit_in_bytes': String(128 * MiB),
      'memory.usage_in_bytes': String(50 * MiB),
      'memory.stat': `cache 100\ntotal_inactive_file ${10 * MiB}\n`,
    },
    pids: { 'pids.max': '100' },
  };

  it('reads every limit and the memory usage minus inactive file cache', () => {
    v1Tree(limited);
    expect(readKernelLimits({ id, pid: 42 }, '1', 2, paths)).toEqual({
      limits: {
        cpus: 0.5,
        cpuShares: 512,
        cpusetCpus: '1',
        memoryBytes: 64 * MiB,
        memoryReservationBytes: 32 * MiB,
        memorySwapBytes: 128 * MiB,
        pidsLimit: 100,
      },
      memoryUsageBytes: 40 * MiB,
    });
  });

  it('reads the unlimited values the kernel shows as unlimited', () => {
    const max = '9223372036854771712';
    v1Tree({
      cpu: { 'cpu.cfs_quota_us': '-1', 'cpu.cfs_period_us': '100000', 'cpu.shares': '1024' },
      cpuset: { 'cpuset.cpus': '0-1' },
      memory: {
        'memory.limit_in_bytes': max,
        'memory.soft_limit_in_bytes': max,
        'memory.memsw.limit_in_bytes': max,
        'memory.usage_in_bytes': '0',
        'memory.stat': '',
      },
      pids: { 'pids.max': 'max' },
    });
    // Every limit the kernel holds, unlimited; the restart policy is not the kernel's.
    const { restartPolicy: _policy, ...none } = limits();
    expect(readKernelLimits({ id, pid: 42 }, '1', 2, paths)?.limits).toEqual(none);
  });

  it('finds a combined cpu,cpuacct mount, and leaves out what it cannot read (no swap accounting)', () => {
    const { memory } = limited;
    const noSwap = { ...memory } as Record<string, string>;
    delete noSwap['memory.memsw.limit_in_bytes'];
    v1Tree({ ...limited, memory: noSwap }, 'cpu,cpuacct');
    const reading = readKernelLimits({ id, pid: 42 }, '1', 2, paths);
    expect(reading?.limits.cpus).toBe(0.5);
    expect(reading?.limits).not.toHaveProperty('memorySwapBytes');
  });

  it('gives nothing for a process whose cgroups do not name the container (another host or namespace)', () => {
    v1Tree(limited);
    expect(readKernelLimits({ id: 'other'.padEnd(64, '1'), pid: 42 }, '1', 2, paths)).toBeNull();
    expect(readKernelLimits({ id, pid: 43 }, '1', 2, paths)).toBeNull();
    expect(readKernelLimits({ id, pid: 0 }, '1', 2, paths)).toBeNull();
  });
});

describe('kernel limits, cgroup v2', () => {
  it('reads cpu.max, memory.max/low/swap.max (swap alone, so added to memory), pids.max', () => {
    const dir = join(paths.cgroupRoot, 'system.slice', `docker-${id}.scope`);
    write(join(paths.procRoot, '42'), { cgroup: `0::/system.slice/docker-${id}.scope` });
    write(dir, {
      'cpu.max': '25000 100000',
      'cpuset.cpus': '',
      'memory.max': String(64 * MiB),
      'memory.low': String(16 * MiB),
      'memory.swap.max': String(64 * MiB),
      'pids.max': 'max',
      'memory.current': String(20 * MiB),
      'memory.stat': `anon 1\ninactive_file ${4 * MiB}\n`,
    });
    expect(findContainerCgroups(`0::/system.slice/docker-${id}.scope`, id, paths.cgroupRoot, '2')).toEqual({
      version: 2,
      dir,
    });
    expect(readKernelLimits({ id, pid: 42 }, '2', 2, paths)).toEqual({
      limits: {
        cpus: 0.25,
        cpusetCpus: null,
        memoryBytes: 64 * MiB,
        memoryReservationBytes: 16 * MiB,
        memorySwapBytes: 128 * MiB,
        pidsLimit: null,
      },
      memoryUsageBytes: 16 * MiB,
    });
  });

  it('reads unlimited swap and memory as null', () => {
    write(join(paths.procRoot, '42'), { cgroup: `0::/docker/${id}` });
    write(join(paths.cgroupRoot, 'docker', id), {
      'cpu.max': 'max 100000',
      'memory.max': 'max',
      'memory.swap.max': 'max',
      'memory.low': '0',
    });
    expect(readKernelLimits({ id, pid: 42 }, '2', 2, paths)?.limits).toEqual({
      cpus: null,
      memoryBytes: null,
      memoryReservationBytes: null,
      memorySwapBytes: null,
    });
  });
});
