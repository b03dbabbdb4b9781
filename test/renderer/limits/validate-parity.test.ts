// The renderer checks limits before sending them so problems show beside their fields, and the core checks
// again: both must say the same thing in the same words. Runs the same cases through both.
import { describe, expect, it } from 'vitest';
import { normaliseLimits as coreNormalise, resolveChange as coreResolve, validateLimits as coreValidate } from '../../../main/core/limits/limits-validate';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '../../../main/shared/limits-types';
import { normaliseLimits, resolveChange } from '../../../renderer/src/limits/limits-diff';
import { validateLimits } from '../../../renderer/src/limits/validate-limits';
import { caps, GiB, limited256, MiB, unlimited } from './fixtures';

const noSwap: LimitsCapabilities = { ...caps, fixed: [{ field: 'memorySwapBytes', reason: 'Swap is not accounted.' }] };

const cases: Array<[string, LimitsChange, ContainerLimits, LimitsCapabilities]> = [
  ['nothing', {}, limited256, caps],
  ['memory 2 MiB', { memoryBytes: 2 * MiB }, limited256, caps],
  ['memory 6 MiB - 1', { memoryBytes: 6 * MiB - 1 }, unlimited, caps],
  ['memory NaN', { memoryBytes: Number.NaN }, unlimited, caps],
  ['memory above swap', { memoryBytes: GiB }, limited256, caps],
  ['swap below memory', { memorySwapBytes: 100 * MiB }, limited256, caps],
  ['swap without memory', { memorySwapBytes: 100 * MiB }, unlimited, caps],
  ['reservation above memory', { memoryReservationBytes: 1.5 * GiB }, limited256, caps],
  ['reservation tiny', { memoryReservationBytes: 1024 }, unlimited, caps],
  ['cpus 0', { cpus: 0 }, unlimited, caps],
  ['cpus negative', { cpus: -1 }, unlimited, caps],
  ['cpus too many', { cpus: 2.25 }, unlimited, caps],
  ['cpus fine', { cpus: 0.05 }, unlimited, caps],
  ['shares 1', { cpuShares: 1 }, unlimited, caps],
  ['shares 1024', { cpuShares: 1024 }, unlimited, caps],
  ['cpuset outside', { cpusetCpus: '0,3-4' }, unlimited, caps],
  ['cpuset garbage', { cpusetCpus: '1-0' }, unlimited, caps],
  ['cpuset all', { cpusetCpus: '0-1' }, unlimited, caps],
  ['pids 0', { pidsLimit: 0 }, unlimited, caps],
  ['pids 1.5', { pidsLimit: 1.5 }, unlimited, caps],
  ['retries with always', { restartPolicy: { name: 'always', maximumRetryCount: 3 } }, unlimited, caps],
  ['retries negative', { restartPolicy: { name: 'on-failure', maximumRetryCount: -1 } }, unlimited, caps],
  ['fixed swap', { memorySwapBytes: GiB }, limited256, noSwap],
  ['many at once', { cpus: 9, memoryBytes: MiB, pidsLimit: 0, cpusetCpus: '7' }, limited256, caps],
];

describe('renderer and core validation agree', () => {
  it.each(cases)('%s', (_name, change, current, capabilities) => {
    const core = coreValidate(coreNormalise(coreResolve(current, change), capabilities.engineCpus), current, change, capabilities);
    const renderer = validateLimits(normaliseLimits(resolveChange(current, change), capabilities.engineCpus), current, change, capabilities);
    expect(renderer.map((problem) => problem.message)).toEqual(core);
  });
});
