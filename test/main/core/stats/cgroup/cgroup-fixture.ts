// Test helper: a fake procRoot and cgroupRoot in a temp dir, laid out like a real host (cgroup v1 with separate
// or combined controller mounts, or v2), with counter files whose values a test rewrites between reads.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CgroupFixture {
  root: string;
  procRoot: string;
  cgroupRoot: string;
  /** Writes a file under the fake cgroupRoot (creating directories). */
  cgroupFile(relative: string, text: string): void;
  procFile(relative: string, text: string): void;
  remove(): void;
}

export function createFixture(): CgroupFixture {
  const root = mkdtempSync(join(tmpdir(), 'berth-cgroup-'));
  const procRoot = join(root, 'proc');
  const cgroupRoot = join(root, 'cgroup');
  const write = (base: string, relative: string, text: string) => {
    const path = join(base, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  return {
    root,
    procRoot,
    cgroupRoot,
    cgroupFile: (relative, text) => write(cgroupRoot, relative, text),
    procFile: (relative, text) => write(procRoot, relative, text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function netDev(interfaces: Record<string, [rx: number, tx: number]>): string {
  const header = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
  ];
  const lines = Object.entries(interfaces).map(
    ([name, [rx, tx]]) => `${name.padStart(6)}: ${rx} 11 0 0 0 0 0 0 ${tx} 7 0 0 0 0 0 0`,
  );
  return [...header, ...lines, ''].join('\n');
}

export interface V1Counters {
  cpuNs: number;
  periods: number;
  throttled: number;
  memUsage: number;
  inactiveFile: number;
  oomKills: number;
  pids: number;
  blkRead: number;
  blkWrite: number;
}

/**
 * A v1 container under the cgroupfs driver (`/docker/<id>`), with cpu and cpuacct in a combined mount
 * `cpu,cpuacct` as Debian and Ubuntu mount them. Returns a function that rewrites the counters.
 */
export function v1Container(
  fixture: CgroupFixture,
  id: string,
  pid: number,
  options: { quotaUs?: number; memLimit?: number; memsw?: number | null; pidsMax?: string } = {},
) {
  const path = `/docker/${id}`;
  fixture.procFile(
    `${pid}/cgroup`,
    [
      `12:pids:${path}`,
      `11:blkio:${path}`,
      `4:memory:${path}`,
      `3:cpu,cpuacct:${path}`,
      `1:name=systemd:${path}`,
      `0::${path}`,
      '',
    ].join('\n'),
  );
  const cpu = `cpu,cpuacct${path}`;
  fixture.cgroupFile(`${cpu}/cpu.cfs_quota_us`, `${options.quotaUs ?? -1}\n`);
  fixture.cgroupFile(`${cpu}/cpu.cfs_period_us`, '100000\n');
  fixture.cgroupFile(`memory${path}/memory.limit_in_bytes`, `${options.memLimit ?? 9223372036854771712}\n`);
  if (options.memsw !== null)
    fixture.cgroupFile(`memory${path}/memory.memsw.limit_in_bytes`, `${options.memsw ?? 9223372036854771712}\n`);
  fixture.cgroupFile(`pids${path}/pids.max`, `${options.pidsMax ?? 'max'}\n`);
  return (c: V1Counters, net: Record<string, [number, number]> = { lo: [5, 5], eth0: [0, 0] }) => {
    fixture.cgroupFile(`${cpu}/cpuacct.usage`, `${c.cpuNs}\n`);
    fixture.cgroupFile(`${cpu}/cpu.stat`, `nr_periods ${c.periods}\nnr_throttled ${c.throttled}\nthrottled_time 123\n`);
    fixture.cgroupFile(`memory${path}/memory.usage_in_bytes`, `${c.memUsage}\n`);
    fixture.cgroupFile(
      `memory${path}/memory.stat`,
      `cache 0\nrss 1\ninactive_file 999999\ntotal_rss 1\ntotal_inactive_file ${c.inactiveFile}\ntotal_active_file 0\n`,
    );
    fixture.cgroupFile(`memory${path}/memory.oom_control`, `oom_kill_disable 0\nunder_oom 0\noom_kill ${c.oomKills}\n`);
    fixture.cgroupFile(`pids${path}/pids.current`, `${c.pids}\n`);
    fixture.cgroupFile(
      `blkio${path}/blkio.throttle.io_service_bytes`,
      `8:0 Read ${c.blkRead}\n8:0 Write ${c.blkWrite}\n8:0 Sync 0\n8:0 Async 0\n8:0 Total ${c.blkRead + c.blkWrite}\nTotal ${c.blkRead + c.blkWrite}\n`,
    );
    fixture.procFile(`${pid}/net/dev`, netDev(net));
  };
}

/** A v2 container under the systemd driver (`/system.slice/docker-<id>.scope`). */
export function v2Container(
  fixture: CgroupFixture,
  id: string,
  pid: number,
  options: { cpuMax?: string; memMax?: string; swapMax?: string | null; pidsMax?: string } = {},
) {
  const path = `/system.slice/docker-${id}.scope`;
  fixture.procFile(`${pid}/cgroup`, `0::${path}\n`);
  fixture.cgroupFile('cgroup.controllers', 'cpuset cpu io memory pids\n');
  fixture.cgroupFile(`${path}/cpu.max`, `${options.cpuMax ?? 'max 100000'}\n`);
  fixture.cgroupFile(`${path}/memory.max`, `${options.memMax ?? 'max'}\n`);
  if (options.swapMax !== null) fixture.cgroupFile(`${path}/memory.swap.max`, `${options.swapMax ?? 'max'}\n`);
  fixture.cgroupFile(`${path}/pids.max`, `${options.pidsMax ?? 'max'}\n`);
  return (c: V1Counters, net: Record<string, [number, number]> = { lo: [5, 5], eth0: [0, 0] }) => {
    fixture.cgroupFile(
      `${path}/cpu.stat`,
      `usage_usec ${c.cpuNs / 1000}\nuser_usec 1\nsystem_usec 1\nnr_periods ${c.periods}\nnr_throttled ${c.throttled}\nthrottled_usec 5\n`,
    );
    fixture.cgroupFile(`${path}/memory.current`, `${c.memUsage}\n`);
    fixture.cgroupFile(`${path}/memory.stat`, `anon 1\nfile 2\nactive_file 0\ninactive_file ${c.inactiveFile}\n`);
    fixture.cgroupFile(
      `${path}/memory.events`,
      `low 0\nhigh 0\nmax 3\noom 1\noom_kill ${c.oomKills}\noom_group_kill 0\n`,
    );
    fixture.cgroupFile(`${path}/pids.current`, `${c.pids}\n`);
    fixture.cgroupFile(
      `${path}/io.stat`,
      `8:0 rbytes=${c.blkRead} wbytes=${c.blkWrite} rios=1 wios=1 dbytes=0 dios=0\n253:0 rbytes=0 wbytes=0 rios=0 wios=0 dbytes=0 dios=0\n`,
    );
    fixture.procFile(`${pid}/net/dev`, netDev(net));
  };
}
