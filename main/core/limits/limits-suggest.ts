// Owns the arithmetic of suggested limits from a container's recent stats: CPU from the 95th percentile of its
// use, memory from its peak, each with headroom, so a limit fits what the container did rather than a guess.
import type { ContainerLimits, LimitsSuggestion } from '../../shared/limits-types';
import { F, type StatsHistory } from '../../shared/stats-types';
import { formatCpus, formatLimitBytes, MiB, MIN_MEMORY_BYTES } from '../../shared/limits/limit-units';

export const HEADROOM = 0.3;
/** About 30 s at the default 1 Hz: fewer samples describe a moment, not a workload. */
export const MIN_SAMPLES = 30;
const CPU_STEP = 0.05;
const MIN_SUGGESTED_CPUS = 0.1;

/** Nearest-rank percentile of values (not empty). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Rounds up to a multiple of step, ignoring float noise just above a multiple (0.65000000001 stays 0.65). */
export function roundUpTo(value: number, step: number): number {
  const steps = Math.ceil(value / step - 1e-9);
  return Math.round(steps * step * 1e6) / 1e6;
}

function present(values: Array<number | null> | undefined): number[] {
  return (values ?? []).filter((value): value is number => value !== null && Number.isFinite(value));
}

export interface SuggestInput {
  id: string;
  history: StatsHistory;
  current: ContainerLimits;
  engineCpus: number;
}

/** A suggestion, or a sentence saying why there is not enough data for one. */
export function suggestLimits(
  input: SuggestInput,
): { ok: true; suggestion: LimitsSuggestion } | { ok: false; reason: string } {
  const { history, current } = input;
  const cpu = present(history.rows.map((row) => row.v[F.cpuPercent]));
  const mem = present(history.rows.map((row) => row.v[F.memBytes]));
  const samples = Math.min(cpu.length, mem.length);
  if (samples < MIN_SAMPLES) {
    return {
      ok: false,
      reason: `Berth has ${samples} stats ${samples === 1 ? 'sample' : 'samples'} of this container and needs at least ${MIN_SAMPLES} (about ${MIN_SAMPLES} s while its stats are shown) to suggest limits.`,
    };
  }
  const { rows } = history;
  const windowSeconds = rows.length > 1 ? Math.round((rows[rows.length - 1].t - rows[0].t) / 1000) : 0;
  const cpuP95 = percentile(cpu, 95);
  const cpuPeak = Math.max(...cpu);
  const memPeak = Math.max(...mem);
  let cpus = Math.max(MIN_SUGGESTED_CPUS, roundUpTo((cpuP95 / 100) * (1 + HEADROOM), CPU_STEP));
  // More than the engine has cannot be applied; all of it is the honest ceiling.
  if (input.engineCpus > 0) cpus = Math.min(cpus, input.engineCpus);
  const memoryBytes = Math.max(MIN_MEMORY_BYTES, Math.ceil((memPeak * (1 + HEADROOM)) / MiB) * MiB);
  const suggested: LimitsSuggestion['suggested'] = { cpus, memoryBytes };
  // Keep the swap the container has: the same allowance above the new limit, or Docker's default (as much swap
  // as memory) when memory was unlimited. Unlimited swap stays unlimited only if memory was limited already.
  if (current.memoryBytes === null) suggested.memorySwapBytes = memoryBytes * 2;
  else if (current.memorySwapBytes !== null)
    suggested.memorySwapBytes = memoryBytes + Math.max(0, current.memorySwapBytes - current.memoryBytes);
  if (current.memoryReservationBytes !== null && current.memoryReservationBytes > memoryBytes)
    suggested.memoryReservationBytes = memoryBytes;
  const explanation =
    `Over the last ${windowSeconds} s (${samples} samples) this container used at most ${Math.round(cpuP95)} % of a core 95 % of the time and peaked at ${formatLimitBytes(memPeak)} of memory; ` +
    `with ${Math.round(HEADROOM * 100)} % headroom that suggests ${formatCpus(cpus)} and ${formatLimitBytes(memoryBytes)}.`;
  return {
    ok: true,
    suggestion: {
      id: input.id,
      suggested,
      basis: {
        samples,
        windowSeconds,
        cpuP95Percent: cpuP95,
        cpuPeakPercent: cpuPeak,
        memPeakBytes: memPeak,
        headroomPercent: HEADROOM * 100,
      },
      explanation,
    },
  };
}
