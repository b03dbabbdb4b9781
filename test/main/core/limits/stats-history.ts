// Test helper: a stats history with only CPU and memory samples, one a second, as the suggestion reads it.
import { statsFields, type StatsHistory } from '../../../../main/shared/stats-types';

export function statsHistory(id: string, cpu: Array<number | null>, mem: Array<number | null>): StatsHistory {
  const values = Object.fromEntries(statsFields.map((field) => [field, cpu.map(() => null)])) as StatsHistory['values'];
  values.cpuPercent = cpu;
  values.memBytes = mem;
  return { id, t: cpu.map((_, i) => i * 1000), values };
}
