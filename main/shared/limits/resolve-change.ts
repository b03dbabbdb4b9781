// Owns turning a change into the limit set it results in, and writing a set the way the engine reads it back,
// so that rules and comparisons see what the engine will hold rather than what was typed.
import type { ContainerLimits, LimitsChange } from '../limits-types';
import { normaliseCpuset } from './cpuset';
import { limitFields } from './limit-fields';
import { DEFAULT_CPU_SHARES } from './limit-units';

/** The current limits with every field present in the change replaced (null included: it removes the limit). */
export function resolveChange(current: ContainerLimits, change: LimitsChange): ContainerLimits {
  const result: ContainerLimits = { ...current, restartPolicy: { ...current.restartPolicy } };
  for (const field of limitFields) {
    if (change[field] !== undefined) (result as unknown as Record<string, unknown>)[field] = change[field];
  }
  return result;
}

/** The same limits in the form the engine reads back (all cores → null, weight 1024 → default, retries only for on-failure). */
export function normaliseLimits(limits: ContainerLimits, engineCpus: number): ContainerLimits {
  const policy = limits.restartPolicy;
  return {
    ...limits,
    cpuShares: limits.cpuShares === DEFAULT_CPU_SHARES ? null : limits.cpuShares,
    cpusetCpus: normaliseCpuset(limits.cpusetCpus, engineCpus),
    restartPolicy: policy.name === 'on-failure' ? { ...policy } : { name: policy.name, maximumRetryCount: 0 },
  };
}
