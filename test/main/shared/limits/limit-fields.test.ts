// The limit fields: the set with no limit, comparing two sets field by field, and the wording of values.
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  describeValue,
  fieldLabel,
  limitFields,
  noLimits,
} from '../../../../main/shared/limits/limit-fields';
import { limits, MiB } from './limit-sets';

describe('limit fields', () => {
  it('has every field unlimited in the set with no limits, and shares it read-only', () => {
    expect(Object.keys(noLimits).sort()).toEqual([...limitFields].sort());
    expect(limitFields.filter((field) => field !== 'restartPolicy' && noLimits[field] !== null)).toEqual([]);
    expect(noLimits.restartPolicy).toEqual({ name: 'no', maximumRetryCount: 0 });
    expect(Object.isFrozen(noLimits) && Object.isFrozen(noLimits.restartPolicy)).toBe(true);
  });

  it('compares field by field: float noise in CPUs and equal policies are no change', () => {
    expect(changedFields(limits({ cpus: 0.3 }), limits({ cpus: 0.1 + 0.2 }))).toEqual([]);
    expect(
      changedFields(
        limits(),
        limits({ memoryBytes: 64 * MiB, restartPolicy: { name: 'always', maximumRetryCount: 0 } }),
      ),
    ).toEqual(['memoryBytes', 'restartPolicy']);
  });

  it('words fields and values as messages show them', () => {
    expect(fieldLabel('memorySwapBytes')).toBe('memory+swap limit');
    expect(describeValue('cpus', 0.5)).toBe('0.5 CPUs');
    expect(describeValue('memoryBytes', 512 * MiB)).toBe('512 MiB');
    expect(describeValue('memoryBytes', null)).toBe('unlimited');
    expect(describeValue('cpuShares', null)).toBe('the default (1024)');
    expect(describeValue('cpusetCpus', null)).toBe('all cores');
    expect(describeValue('cpusetCpus', '0-1')).toBe('cores 0-1');
    expect(describeValue('restartPolicy', { name: 'on-failure', maximumRetryCount: 3 })).toBe('on-failure:3');
  });
});
