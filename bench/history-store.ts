// Compares the two candidate stores for on-disk stats history (issue 16 item 2), side by side on the same
// synthetic load: circular files of fixed-size binary records (HistoryStore, what Berth uses) and SQLite via
// better-sqlite3 (scratch install, see history-sqlite-store.ts). Three figures each:
//   write CPU ms per 1 Hz tick for 100 containers (process.cpuUsage after a warm-up, batches every 5 ticks),
//   MB per container-day (store size with 7 days of history at 1 Hz, divided by the 7 days it covers),
//   read time of a 7-day range (one container, 1-minute tier, median of 20 reads).
// Run: npx tsx bench/history-store.ts   (SQLITE_BENCH_DIR=/tmp/sqlite-bench by default)

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../main/core/stats/history/history-store';
import { containerIds, workloadRow } from './history-workload';
import { loadSqlite, SqliteHistoryStore } from './history-sqlite-store';
import { fmt, markdownTable, median } from './table';

const containers = 100;
const writeTicks = Number(process.env.HISTORY_BENCH_TICKS ?? 1200);
const warmupTicks = 60;
const batchTicks = 5;
const filledContainers = 2;
const filledDays = 7;
const day = 24 * 3600_000;
const start = Date.UTC(2026, 0, 1);

interface Figures {
  cpuMsPerTick: number;
  flushMaxMs: number;
  mbPerContainerDay: number;
  read7dMs: number;
  read7dRows: number;
}

/** The common shape of both stores, as the benchmark drives them. */
interface Candidate {
  append(id: string, t: number, values: ReturnType<typeof workloadRow>): void;
  flush(now: number): Promise<void> | void;
  read7d(id: string, now: number): Promise<number> | number;
  close(): Promise<void> | void;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

/** CPU per tick once files exist (after `warmupTicks`), and the longest flush's wall time. */
async function writeCost(
  open: (now: () => number) => Promise<Candidate>,
): Promise<{ cpuMsPerTick: number; flushMaxMs: number }> {
  let clock = start;
  const store = await open(() => clock);
  const ids = containerIds(containers);
  let before = process.cpuUsage();
  let flushMaxMs = 0;
  for (let tick = 0; tick < warmupTicks + writeTicks; tick += 1) {
    if (tick === warmupTicks) before = process.cpuUsage();
    clock = start + tick * 1000;
    for (const [n, id] of ids.entries()) store.append(id, clock, workloadRow(n, tick));
    if (tick % batchTicks === batchTicks - 1) {
      const began = performance.now();
      await store.flush(clock);
      if (tick >= warmupTicks) flushMaxMs = Math.max(flushMaxMs, performance.now() - began);
    }
  }
  const used = process.cpuUsage(before);
  await store.close();
  return { cpuMsPerTick: (used.user + used.system) / 1000 / writeTicks, flushMaxMs };
}

/** Fills 7 days of 1 Hz history, then measures the folder and a 7-day read. */
async function filled(dir: string, open: (now: () => number) => Promise<Candidate>) {
  let clock = start;
  const store = await open(() => clock);
  const ids = containerIds(filledContainers);
  for (let second = 0; second < (filledDays * day) / 1000; second += 1) {
    clock = start + second * 1000;
    for (const [n, id] of ids.entries()) store.append(id, clock, workloadRow(n, second));
    if (second % 600 === 599) await store.flush(clock);
  }
  await store.flush(clock);
  const reads: number[] = [];
  let rows = 0;
  for (let i = 0; i < 20; i += 1) {
    const began = performance.now();
    rows = await store.read7d(ids[0]!, clock);
    reads.push(performance.now() - began);
  }
  await store.close();
  const bytes = await dirBytes(dir);
  return { mbPerContainerDay: bytes / 1e6 / filledContainers / filledDays, read7dMs: median(reads), read7dRows: rows };
}

async function measure(name: string, open: (dir: string, now: () => number) => Promise<Candidate>): Promise<Figures> {
  const writeDir = await mkdtemp(join(tmpdir(), `history-bench-${name}-`));
  const fillDir = await mkdtemp(join(tmpdir(), `history-bench-${name}-`));
  try {
    const write = await writeCost((now) => open(writeDir, now));
    return { ...write, ...(await filled(fillDir, (now) => open(fillDir, now))) };
  } finally {
    await rm(writeDir, { recursive: true, force: true });
    await rm(fillDir, { recursive: true, force: true });
  }
}

const binary = await measure('binary', async (dir, now) => {
  const store = await HistoryStore.open({ dir, now, flushIntervalMs: 0 });
  return {
    append: (id, t, values) => store.append(id, t, values),
    flush: () => store.flush(),
    read7d: async (id, at) => (await store.read(id, at - 7 * day, at)).rows.length,
    close: () => store.close(),
  };
});

const Sqlite = loadSqlite();
const sqlite = Sqlite
  ? await measure('sqlite', async (dir) => {
      const store = new SqliteHistoryStore(Sqlite, join(dir, 'history.db'));
      return {
        append: (id, t, values) => store.append(id, t, values),
        flush: (at) => store.flush(at),
        read7d: (id, at) => store.read(id, 2, at - 7 * day, at).length,
        close: () => store.close(),
      };
    })
  : undefined;

console.log(
  markdownTable(
    ['measure', 'binary circular files', 'SQLite (better-sqlite3)', 'goal'],
    [
      [
        `write CPU ms per 1 Hz tick, ${containers} containers`,
        fmt(binary.cpuMsPerTick, 3),
        fmt(sqlite?.cpuMsPerTick, 3),
        '—',
      ],
      [
        'longest flush, wall ms (SQLite: event loop blocked throughout)',
        fmt(binary.flushMaxMs, 2),
        fmt(sqlite?.flushMaxMs, 2),
        '—',
      ],
      [
        'MB per container-day (7 days kept)',
        fmt(binary.mbPerContainerDay, 3),
        fmt(sqlite?.mbPerContainerDay, 3),
        '≤ 1.0',
      ],
      ['read a 7-day range, ms (median of 20)', fmt(binary.read7dMs, 2), fmt(sqlite?.read7dMs, 2), '—'],
      ['rows in that range', String(binary.read7dRows), sqlite ? String(sqlite.read7dRows) : '—', '—'],
    ],
  ),
);
if (!Sqlite) console.log('SQLite skipped: run `npm install better-sqlite3` in /tmp/sqlite-bench (or SQLITE_BENCH_DIR)');
console.log(
  [
    `store_mb_per_container_day=${fmt(binary.mbPerContainerDay, 3)}`,
    `write_cpu_ms_per_tick=${fmt(binary.cpuMsPerTick, 3)}`,
    `read_7d_ms=${fmt(binary.read7dMs, 2)}`,
    `sqlite_store_mb_per_container_day=${fmt(sqlite?.mbPerContainerDay, 3)}`,
    `sqlite_write_cpu_ms_per_tick=${fmt(sqlite?.cpuMsPerTick, 3)}`,
    `sqlite_read_7d_ms=${fmt(sqlite?.read7dMs, 2)}`,
  ].join(' '),
);
