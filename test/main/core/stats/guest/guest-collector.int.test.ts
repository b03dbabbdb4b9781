// The real in-guest collector script (scripts/vm/guest/berth-guest-stats), run here as a local process over a
// generated cgroup v2 tree (this host mounts cgroup v1), read through the same line source and guest collector
// the VM uses over SSH: the rows must carry the tree's values, follow its counters and end when it goes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../main/core/logger';
import { ReadStatus, type ContainerFacts } from '../../../../../main/core/stats/collector';
import { CollectorChoice } from '../../../../../main/core/stats/collector-choice';
import { F, statsFieldCount } from '../../../../../main/shared/stats-types';
import { spawnGuestStats, type GuestStatsSource } from '../../../../../main/core/guest-stats/guest-source';
import { Series } from '../../../../../main/core/stats/series';
import type { EngineStatus } from '../../../../../main/shared/engine-types';

const script = join(__dirname, '../../../../../scripts/vm/guest/berth-guest-stats');
const MiB = 1024 ** 2;
const id = 'c'.repeat(64);
const pid = 4242;
const facts: ContainerFacts = {
  id,
  name: 'web',
  running: true,
  pid: 0,
  hostNetwork: false,
  cpuLimitCores: NaN,
  memorySwapBytes: NaN,
  pidsLimit: NaN,
};
const engine = { cgroupVersion: '2', hostMemoryBytes: 0 };
const connected = {
  state: 'connected',
  endpoint: { host: 'ssh://vm', source: 'berth' },
  info: {},
  since: 0,
} as unknown as EngineStatus;

interface Counters {
  usageUsec: number;
  rx: number;
}

let root: string;
let sources: GuestStatsSource[];

function writeTree(counters: Counters): void {
  const dir = join(root, 'cgroup', 'docker', id);
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(root, 'proc', String(pid)), { recursive: true });
  const files: Record<string, string> = {
    'cpu.stat': `usage_usec ${counters.usageUsec}\nuser_usec 1\nsystem_usec 1\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n`,
    'memory.current': `${100 * MiB}\n`,
    'memory.max': `${256 * MiB}\n`,
    'memory.stat': `anon ${60 * MiB}\nfile ${40 * MiB}\ninactive_file ${30 * MiB}\n`,
    'memory.events': 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n',
    'memory.swap.current': '0\n',
    'pids.current': '4\n',
    'pids.max': 'max\n',
    'io.stat': '254:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n',
    'cgroup.procs': `${pid}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const netDev = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    `    lo: 999 1 0 0 0 0 0 0 999 1 0 0 0 0 0 0`,
    `  eth0: ${counters.rx} 11 0 0 0 0 0 0 700 7 0 0 0 0 0 0`,
    '',
  ].join('\n');
  mkdirSync(join(root, 'proc', String(pid), 'net'), { recursive: true });
  writeFileSync(join(root, 'proc', String(pid), 'net', 'dev'), netDev);
}

/** Samples every 50 ms until a new row satisfies `done` (or the series ends, when `gone`); the test's timeout bounds the wait. */
async function sampleUntil(series: Series, row: Float64Array, done: () => boolean, gone = false): Promise<void> {
  for (;;) {
    const status = series.sample(Date.now(), 0, row);
    if (gone ? status === ReadStatus.Gone : status === ReadStatus.Fresh && done()) return;
    if (status === ReadStatus.Gone) throw new Error(`the series ended early: ${series.handle?.goneReason}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'berth-guest-'));
  sources = [];
});

afterEach(() => {
  for (const source of sources) source.close();
  rmSync(root, { recursive: true, force: true });
});

describe('berth-guest-stats through the guest collector', () => {
  it('turns the script frames into rows, follows the counters, and ends when the cgroup goes', async () => {
    writeTree({ usageUsec: 1_000_000, rx: 1000 });
    const env = { ...process.env, BERTH_CGROUP_ROOT: join(root, 'cgroup'), BERTH_PROC_ROOT: join(root, 'proc') };
    const choice = new CollectorChoice({
      choice: 'auto',
      procRoot: join(root, 'none'),
      cgroupRoot: join(root, 'none'),
      client: () => {
        throw new Error('the API is not used here');
      },
      log: silentLogger,
      intervalMs: 100,
      guestStats: (intervalMs) => {
        const source = spawnGuestStats(script, intervalMs, env);
        sources.push(source);
        return source;
      },
    });
    choice.connected(connected);
    const opened = choice.open(facts, engine);
    expect(opened.kind).toBe('guest');
    const series = new Series(id, 100, 60_000, 50);
    series.begin(opened.handle, opened.kind, facts);
    const row = new Float64Array(statsFieldCount);

    // Two frames of unchanged counters: a row with rates, all zero.
    await sampleUntil(series, row, () => Number.isFinite(row[F.cpuPercent]));
    expect(row[F.memBytes]).toBe(70 * MiB);
    expect(row[F.memLimitBytes]).toBe(256 * MiB);
    expect(row[F.pids]).toBe(4);
    expect(Number.isNaN(row[F.pidsLimit])).toBe(true);
    expect(row[F.cpuPercent]).toBe(0);
    expect(row[F.netRxBytesPerSec]).toBe(0);
    expect(row[F.oomKills]).toBe(0);

    writeTree({ usageUsec: 2_000_000, rx: 50_000 });
    await sampleUntil(series, row, () => row[F.cpuPercent] > 0);
    expect(row[F.netRxBytesPerSec]).toBeGreaterThan(0);

    rmSync(join(root, 'cgroup', 'docker', id), { recursive: true });
    await sampleUntil(series, row, () => true, true);
    expect(opened.handle.goneReason).toBe('the container stopped (its cgroup is gone)');
  });
});
