// The core's side of the limit rules: an apply is refused as a whole, with ONE INVALID_LIMITS error that
// carries every broken rule in order (the rules themselves: test/main/shared/limits/validate-limits.test.ts).
import { describe, expect, it } from 'vitest';
import { invalidLimitsError } from '../../../../main/core/limits/limits-validate';
import type { LimitsChange } from '../../../../main/shared/limits-types';
import { resolveChange } from '../../../../main/shared/limits/resolve-change';
import { caps, MiB, unlimited } from '../../shared/limits/limit-sets';

const refusal = (change: LimitsChange) => invalidLimitsError(resolveChange(unlimited, change), unlimited, change, caps);

describe('invalidLimitsError', () => {
  it('is null for a set that may be applied', () => {
    expect(refusal({ cpus: 1, memoryBytes: 64 * MiB })).toBeNull();
  });

  it('joins every broken rule into one INVALID_LIMITS message, in rule order', () => {
    const error = refusal({ cpus: 4, memoryBytes: MiB, pidsLimit: 0 });
    expect(error?.code).toBe('INVALID_LIMITS');
    expect(error?.message).toBe(
      "The CPU limit 4 CPUs is more than the engine's 2 CPUs. The memory limit must be at least 6 MiB (the engine's minimum), or unlimited. The process limit must be at least 1, or unlimited, not 0.",
    );
  });
});
