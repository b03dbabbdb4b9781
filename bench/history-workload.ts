// The synthetic load both history stores take in the benchmark: per container a 1 Hz row of plausible values
// (CPU wandering, memory creeping, limits fixed), the same sequence for every store so they compare fairly.

import { statsFields, type StatsValues } from '../main/shared/stats-types';

export function containerIds(count: number): string[] {
  return Array.from({ length: count }, (_, n) => n.toString(16).padStart(64, 'b'));
}

export function workloadRow(container: number, second: number): StatsValues {
  const wave = Math.sin((second + container * 7) / 30);
  const values: StatsValues = new Array<number | null>(statsFields.length).fill(0);
  values[statsFields.indexOf('cpuPercent')] = 20 + 15 * wave + (second % 97 === 0 ? 300 : 0);
  values[statsFields.indexOf('cpuLimitCores')] = 2;
  values[statsFields.indexOf('memBytes')] = 200e6 + 1e5 * (second % 3600) + container * 1e6;
  values[statsFields.indexOf('memLimitBytes')] = 512 * 1024 * 1024;
  values[statsFields.indexOf('swapLimitBytes')] = null;
  values[statsFields.indexOf('netRxBytesPerSec')] = 5000 + 4000 * wave;
  values[statsFields.indexOf('netTxBytesPerSec')] = 3000 + 2000 * wave;
  values[statsFields.indexOf('blkWriteBytesPerSec')] = second % 10 === 0 ? 65536 : 0;
  values[statsFields.indexOf('pids')] = 4 + (second % 5);
  values[statsFields.indexOf('pidsLimit')] = null;
  values[statsFields.indexOf('throttledPercent')] = Math.max(0, 10 * wave);
  return values;
}
