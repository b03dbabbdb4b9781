// Suggestion math: p95 CPU and peak memory with 30 % headroom, rounding, minimums, and too little data.
import { describe, expect, it } from 'vitest';
import { percentile, roundUpTo, suggestLimits } from '../../../../main/core/limits/limits-suggest';
import type { StatsHistory } from '../../../../main/shared/stats-types';
import { limits, MiB, unlimited } from '../../shared/limits/limit-sets';
import { statsHistory } from './stats-history';

const history = (cpu: Array<number | null>, mem: Array<number | null>) => statsHistory('abc', cpu, mem);

const suggest = (h: StatsHistory, current = unlimited, engineCpus = 2) =>
  suggestLimits({ id: 'abc-full', history: h, current, engineCpus });

describe('suggestion math', () => {
  it('nearest-rank percentile and rounding up to a step', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([5], 95)).toBe(5);
    expect(roundUpTo(0.61, 0.05)).toBe(0.65);
    expect(roundUpTo(0.65, 0.05)).toBe(0.65);
    expect(roundUpTo(0.65 + 1e-12, 0.05)).toBe(0.65);
  });

  it('CPU = p95 × 1.3 rounded up to 0.05 cores; memory = peak × 1.3 rounded up to a MiB', () => {
    // 40 samples: 38 at 50 %, two spikes at 190 % that the p95 leaves out.
    const cpu = [...Array.from({ length: 38 }, () => 50), 190, 190];
    const mem = cpu.map((_, i) => (i === 10 ? 100 * MiB : 60 * MiB));
    const outcome = suggest(history(cpu, mem));
    if (!outcome.ok) throw new Error(outcome.reason);
    const { suggestion } = outcome;
    // 0.5 × 1.3 = 0.65 cores.
    expect(suggestion.suggested.cpus).toBe(0.65);
    // 100 MiB × 1.3 = 130 MiB.
    expect(suggestion.suggested.memoryBytes).toBe(130 * MiB);
    expect(suggestion.id).toBe('abc-full');
    expect(suggestion.basis).toEqual({
      samples: 40,
      windowSeconds: 39,
      cpuP95Percent: 50,
      cpuPeakPercent: 190,
      memPeakBytes: 100 * MiB,
      headroomPercent: 30,
    });
    expect(suggestion.explanation).toMatch(
      /^Over the last 39 s \(40 samples\).*95 % of the time.*peaked at 100 MiB.*30 % headroom.*0.65 CPUs and 130 MiB\.$/,
    );
  });

  it('has minimums of 0.1 cores and 6 MiB, and no more CPUs than the engine has', () => {
    const idle = suggest(
      history(
        Array.from({ length: 30 }, () => 0.5),
        Array.from({ length: 30 }, () => MiB),
      ),
    );
    expect(idle.ok && idle.suggestion.suggested).toMatchObject({ cpus: 0.1, memoryBytes: 6 * MiB });
    const busy = suggest(
      history(
        Array.from({ length: 30 }, () => 200),
        Array.from({ length: 30 }, () => MiB),
      ),
    );
    expect(busy.ok && busy.suggestion.suggested.cpus).toBe(2);
  });

  it('keeps swap coherent with the suggested memory', () => {
    const h = history(
      Array.from({ length: 30 }, () => 10),
      Array.from({ length: 30 }, () => 100 * MiB),
    );
    // Unlimited memory before: Docker's default of as much swap as memory.
    expect(suggest(h).ok && (suggest(h) as { suggestion: { suggested: object } }).suggestion.suggested).toMatchObject({
      memoryBytes: 130 * MiB,
      memorySwapBytes: 260 * MiB,
    });
    // A limited memory with 64 MiB of swap above it keeps those 64 MiB.
    const limited = suggest(
      h,
      limits({ memoryBytes: 256 * MiB, memorySwapBytes: 320 * MiB, memoryReservationBytes: 200 * MiB }),
    );
    expect(limited.ok && limited.suggestion.suggested).toEqual({
      cpus: 0.15,
      memoryBytes: 130 * MiB,
      memorySwapBytes: 194 * MiB,
      memoryReservationBytes: 130 * MiB,
    });
    // Limited memory with unlimited swap: swap stays as it is.
    const unlimitedSwap = suggest(h, limits({ memoryBytes: 256 * MiB }));
    expect(unlimitedSwap.ok && unlimitedSwap.suggestion.suggested).toEqual({ cpus: 0.15, memoryBytes: 130 * MiB });
  });

  it('needs at least 30 samples, counting only values that are there', () => {
    const few = suggest(
      history(
        Array.from({ length: 29 }, () => 10),
        Array.from({ length: 29 }, () => MiB),
      ),
    );
    expect(few).toEqual({ ok: false, reason: expect.stringMatching(/has 29 stats samples .* needs at least 30/) });
    const gaps = suggest(
      history(
        [...Array.from({ length: 29 }, () => 10), null, null],
        Array.from({ length: 31 }, () => MiB),
      ),
    );
    expect(gaps.ok).toBe(false);
  });
});
