// The benchmarks `npm run bench` runs, in order: the script, its arguments in full and in quick mode, what it
// needs from this machine (all-preflight.ts checks it before running, so a bench that cannot run here is
// reported with the reason), and one line on what it measures. Its figures and goals are in all-goals.ts.
// Not here: `bench/soak.ts` (a pass/fail soak test that `npm test` runs) and `bench/ui-profile.ts` (a profiler).

export type Need =
  /** Root: the bench starts a private engine (dockerd, containerd) or a VM under a temp folder. */
  | 'root'
  /** dockerd, containerd and the docker CLI (the peer), and /bin/busybox for the test image. */
  | 'engine'
  | 'chromium'
  | 'registry'
  | 'python3'
  /** The built `berth serve` (dist/main/cli.js): `npm run bench` builds first. */
  | 'build'
  | 'qemu'
  | 'vm-image';

export interface BenchDef {
  name: string;
  /** Path from the repository's root. */
  script: string;
  args: string[];
  /** Arguments in quick mode; absent: the bench has no quick mode and runs in full (it is short). */
  quickArgs?: string[];
  /** The npm script that runs it alone. */
  alone: string;
  needs: Need[];
  what: string;
}

export const benches: BenchDef[] = [
  {
    name: 'stats',
    script: 'bench/stats.ts',
    args: [],
    quickArgs: ['--quick'],
    alone: 'npm run bench:stats',
    needs: ['root', 'engine', 'build'],
    what:
      "live per-container stats: Berth's cgroup and API collectors against `docker stats` (CPU, memory, latency " +
      'to a CPU change), and Berth recording always-on with nobody watching; full: 10, 50, 100 containers, ' +
      '30 s windows (120 s at 100), 5 latency trials; quick: 100 containers, 120 s windows, 3 trials',
  },
  {
    name: 'history',
    script: 'bench/history-store.ts',
    args: [],
    alone: 'npm run bench:history',
    needs: [],
    what:
      'the on-disk stats history (binary circular files) against SQLite through better-sqlite3, when a scratch ' +
      'install of it exists (`SQLITE_BENCH_DIR`, default /tmp/sqlite-bench; else its column is empty)',
  },
  {
    name: 'stats-top',
    script: 'bench/stats-top.ts',
    args: [],
    alone: 'npx tsx bench/stats-top.ts',
    needs: [],
    what: "the Dashboard's top consumers (`stats:top`) over a week of 100 containers' recorded history",
  },
  {
    name: 'pull',
    script: 'bench/pull.ts',
    args: [],
    alone: 'npm run bench:pull',
    needs: ['root', 'engine', 'registry'],
    what: 'the same image pulled from a local registry by Berth and by `docker pull`, alternating, 5 times each',
  },
  {
    name: 'startup',
    script: 'bench/startup.ts',
    args: [],
    alone: 'npm run bench:startup',
    needs: ['root', 'engine', 'chromium', 'build'],
    what: '`berth serve` launch → 20 containers visible in Chromium, against `docker ps -a`, 5 runs',
  },
  {
    name: 'ui',
    script: 'bench/ui.ts',
    args: [],
    quickArgs: ['--quick'],
    alone: 'npm run bench:ui',
    needs: ['root', 'engine', 'chromium', 'build'],
    what:
      "Chromium with 100 running containers: the live Containers page's browser CPU, a container's charts " +
      'at the 7-day range (10 min; quick: 2 min) for long tasks and heap growth, and startup against `docker ps -a`',
  },
  {
    name: 'ops',
    script: 'bench/ops.ts',
    args: [],
    alone: 'npm run bench:ops',
    needs: ['root', 'engine', 'chromium', 'build', 'python3'],
    what: 'everyday work in Chromium: the Logs tab against `docker logs`, the Terminal tab against `docker exec -it`',
  },
  {
    name: 'vm',
    script: 'bench/vm.ts',
    args: [],
    quickArgs: ['--quick'],
    alone: 'npm run bench:vm',
    needs: ['root', 'qemu', 'vm-image'],
    what:
      "Berth's VM engine under QEMU: boot against a kernel-only boot, idle CPU, published ports against `ssh -L`, " +
      'memory and disk given back, shared folders; full: 3 boots; quick: 1 boot, fewer rounds',
  },
  {
    name: 'vm-resume',
    script: 'bench/vm.ts',
    args: ['--resume-only'],
    quickArgs: ['--resume-only', '--quick'],
    alone: 'npm run bench:vm -- --resume-only',
    needs: ['root', 'qemu', 'vm-image'],
    what: "the VM's warm start (suspend, then resume) against a kernel-only boot; full: 3 rounds; quick: 1",
  },
];

export function argsFor(bench: BenchDef, quick: boolean): string[] {
  return quick && bench.quickArgs ? bench.quickArgs : bench.args;
}

/** The benches `--only` names, in run order; throws on a name that is no bench, listing the names. */
export function selectBenches(only: string | undefined, all: BenchDef[] = benches): BenchDef[] {
  if (only === undefined) return all;
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !all.some((bench) => bench.name === name));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(
      `[bench] --only ${unknown.length ? `names no bench: ${unknown.join(', ')}` : 'is empty'}; the benches are ${all.map((bench) => bench.name).join(', ')}`,
    );
  return all.filter((bench) => names.includes(bench.name));
}
