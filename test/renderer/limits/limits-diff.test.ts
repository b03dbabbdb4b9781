// From an edited limit set to the one request: only what really differs from what the engine enforces (as it
// reads back), null where a limit is removed; in change-only mode exactly the touched fields.
import { describe, expect, it } from 'vitest';
import { changeFields, diffLimits, pickFields } from '../../../renderer/src/limits/limits-diff';
import { describeChanges } from '../../../renderer/src/limits/limit-descriptions';
import { limited256, MiB, unlimited } from '../../main/shared/limits/limit-sets';

describe('diffLimits', () => {
  it('sends nothing for an unchanged set', () => {
    expect(diffLimits(limited256, { ...limited256 }, 2)).toEqual({});
  });

  it('sends only the changed fields', () => {
    const draft = { ...limited256, memoryBytes: 128 * MiB, memorySwapBytes: 384 * MiB };
    expect(diffLimits(limited256, draft, 2)).toEqual({ memoryBytes: 128 * MiB, memorySwapBytes: 384 * MiB });
  });

  it('sends null to remove a limit (the Unlimited switches)', () => {
    expect(diffLimits(limited256, { ...limited256, memoryBytes: null, memorySwapBytes: null }, 2)).toEqual({
      memoryBytes: null,
      memorySwapBytes: null,
    });
    expect(diffLimits({ ...unlimited, pidsLimit: 100 }, unlimited, 2)).toEqual({ pidsLimit: null });
  });

  it('ignores edits the engine reads back as the same: every core, weight 1024, float noise in cores', () => {
    expect(diffLimits(unlimited, { ...unlimited, cpusetCpus: '0-1', cpuShares: 1024 }, 2)).toEqual({});
    expect(diffLimits({ ...unlimited, cpus: 0.3 }, { ...unlimited, cpus: 0.1 + 0.2 }, 2)).toEqual({});
    expect(diffLimits(unlimited, { ...unlimited, cpusetCpus: '1,0' }, 4)).toEqual({ cpusetCpus: '0-1' });
  });

  it('compares restart policies by name and retries, retries only counting for on-failure', () => {
    expect(
      diffLimits(unlimited, { ...unlimited, restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } }, 2),
    ).toEqual({
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
    });
    expect(diffLimits(unlimited, { ...unlimited, restartPolicy: { name: 'no', maximumRetryCount: 5 } }, 2)).toEqual({});
  });
});

describe('pickFields', () => {
  it('picks exactly the touched fields, null included', () => {
    const draft = { ...unlimited, pidsLimit: 300, cpus: 0.5 };
    expect(pickFields(draft, new Set(['pidsLimit', 'memoryBytes']))).toEqual({ pidsLimit: 300, memoryBytes: null });
    expect(changeFields({ pidsLimit: 300, memoryBytes: null })).toEqual(['memoryBytes', 'pidsLimit']);
  });
});

describe('describeChanges', () => {
  it('says what changed, CPUs in cores', () => {
    expect(
      describeChanges(limited256, { ...limited256, memoryBytes: 128 * MiB, memorySwapBytes: 384 * MiB, cpus: 0.5 }),
    ).toEqual([
      'CPU limit unlimited → 0.5 cores',
      'memory limit 256 MiB → 128 MiB',
      'memory+swap limit 512 MiB → 384 MiB',
    ]);
  });
});
