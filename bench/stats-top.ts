// Times `stats:top` (the Dashboard's top consumers) over a full week of recorded history for 100 containers:
// the handler as the core runs it, over a store filled with 7 days at one sample a minute (every 1-minute
// bucket full, as a week of 1 Hz recording leaves that tier). Median of 5 runs, after one warm-up (page cache).
// Run: npx tsx bench/stats-top.ts (also run by `npm run bench`). Last line: `stats_top_7d_100_ms=<median>`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordingHandlers } from '../main/core/recording/recording-handlers';
import { HistoryStore } from '../main/core/stats/history/history-store';
import { containerIds, workloadRow } from './history-workload';
import { fmt, median } from './table';

const containers = 100;
const days = 7;
const minute = 60_000;
const end = Date.UTC(2026, 0, 8);
const start = end - days * 24 * 60 * minute;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'stats-top-bench-'));
  let now = start;
  const store = await HistoryStore.open({ dir, now: () => now, flushIntervalMs: 0 });
  const ids = containerIds(containers);
  for (let t = start; t < end; t += minute) {
    ids.forEach((id, index) => store.append(id, t, workloadRow(index, (t - start) / 1000)));
    now = t;
    if ((t - start) % (360 * minute) === 0) await store.flush();
  }
  now = end;
  await store.flush();
  const handlers = recordingHandlers({
    recorder: { ready: Promise.resolve(), store, retentionDays: 7 } as never,
    stats: {} as never,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    connection: {
      client: () => {
        throw new Error('no engine in this benchmark');
      },
    },
  });
  const times: number[] = [];
  let answer: unknown;
  for (let run = 0; run < 6; run += 1) {
    const began = performance.now();
    answer = await handlers['stats:top']({ from: start, to: end, by: 'cpu', limit: 5 }, { id: 'bench' } as never);
    if (run > 0) times.push(performance.now() - began);
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
  console.log(`top consumers of ${containers} containers over ${days} days (1-minute tier, 10080 rows each)`);
  console.log(JSON.stringify(answer).slice(0, 300));
  console.log(`runs, ms: ${times.map((t) => fmt(t, 0)).join(', ')}`);
  // The last line holds figures only (key=number): the runs are a list, printed above for reading.
  console.log(`stats_top_7d_100_ms=${fmt(median(times), 0)}`);
}

void main();
