// A change applied over the current limits, and a set written the way the engine reads it back.
import { describe, expect, it } from 'vitest';
import { normaliseLimits, resolveChange } from '../../../../main/shared/limits/resolve-change';
import { limited256, limits, MiB, unlimited } from './limit-sets';

describe('resolveChange', () => {
  it('replaces present fields, removes limits given as null, keeps absent ones', () => {
    const current = limits({ cpus: 1, memoryBytes: 64 * MiB, pidsLimit: 100 });
    expect(resolveChange(current, { cpus: 0.5, pidsLimit: null })).toEqual({ ...current, cpus: 0.5, pidsLimit: null });
    expect(resolveChange(current, {})).toEqual(current);
    expect(resolveChange(limited256, { memoryBytes: null })).toEqual({ ...limited256, memoryBytes: null });
  });

  it('does not share the restart policy object with the current set', () => {
    const result = resolveChange(unlimited, {});
    result.restartPolicy.name = 'always';
    expect(unlimited.restartPolicy.name).toBe('no');
  });
});

describe('normaliseLimits', () => {
  it('normalises to what the engine reads back: every core and weight 1024 are the defaults', () => {
    const result = normaliseLimits(
      limits({ cpuShares: 1024, cpusetCpus: '1,0', restartPolicy: { name: 'always', maximumRetryCount: 0 } }),
      2,
    );
    expect(result).toMatchObject({ cpuShares: null, cpusetCpus: null });
    expect(normaliseLimits(limits({ cpusetCpus: '1,0' }), 4).cpusetCpus).toBe('0-1');
  });

  it('keeps a retry count only for on-failure', () => {
    expect(
      normaliseLimits(limits({ restartPolicy: { name: 'always', maximumRetryCount: 5 } }), 2).restartPolicy,
    ).toEqual({ name: 'always', maximumRetryCount: 0 });
    expect(
      normaliseLimits(limits({ restartPolicy: { name: 'on-failure', maximumRetryCount: 5 } }), 2).restartPolicy,
    ).toEqual({ name: 'on-failure', maximumRetryCount: 5 });
  });
});
