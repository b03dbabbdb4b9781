// Temp folders, container ids and a fake clock for the history store's tests.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { statsFields, type StatsValues } from '../../../../../main/shared/stats-types';
import { HistoryStore, type HistoryStoreOptions } from '../../../../../main/core/stats/history/history-store';

export const width = statsFields.length;
export const cpu = statsFields.indexOf('cpuPercent');
export const mem = statsFields.indexOf('memBytes');
export const memLimit = statsFields.indexOf('memLimitBytes');
export const oom = statsFields.indexOf('oomKills');

/** A valid 64-hex container id numbered `n`. */
export function containerId(n: number): string {
  return n.toString(16).padStart(64, 'c');
}

/** A row of `width` values, `cpuPercent` = cpu, `memBytes` = 1 MiB, limit 256 MiB, the rest 0. */
export function sample(cpuValue: number, overrides: Record<number, number | null> = {}): StatsValues {
  const values: StatsValues = new Array<number | null>(width).fill(0);
  values[cpu] = cpuValue;
  values[mem] = 1024 * 1024;
  values[memLimit] = 256 * 1024 * 1024;
  for (const [index, value] of Object.entries(overrides)) values[Number(index)] = value;
  return values;
}

export class FakeClock {
  constructor(public ms = Date.UTC(2026, 11, 1)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-history-'));
  dirs.push(dir);
  return dir;
}

/** A store in a fresh temp folder (or `dir`), flushing only when told. */
export async function openStore(
  clock: FakeClock,
  options: Partial<HistoryStoreOptions> & { dir?: string } = {},
): Promise<HistoryStore> {
  return HistoryStore.open({ dir: options.dir ?? (await tempDir()), now: clock.now, flushIntervalMs: 0, ...options });
}
