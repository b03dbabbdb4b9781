// Test helper: a stats history with only CPU and memory samples, one a second, as the suggestion reads it.
import { F, statsFieldCount, type StatsHistory } from '../../../../main/shared/stats-types';

export function statsHistory(id: string, cpu: Array<number | null>, mem: Array<number | null>): StatsHistory {
  const rows = cpu.map((value, i) => {
    const v = new Array<number | null>(statsFieldCount).fill(null);
    v[F.cpuPercent] = value;
    v[F.memBytes] = mem[i] ?? null;
    return { t: i * 1000, v };
  });
  return { id, rows };
}
