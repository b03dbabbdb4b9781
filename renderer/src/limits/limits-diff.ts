// From an edited limit set to the one request that applies it: only the fields that really differ from what
// the engine enforces (after normalising as the engine reads back: all cores = no cpuset, weight 1024 =
// default), or in change-only mode exactly the fields the user touched.
import type { ContainerLimits, LimitsChange } from '../../../main/shared/limits-types';
import { parseCpuset, formatCpuset } from './cpuset';
import { limitFields, sameLimit, type LimitField } from './limit-fields';
import { DEFAULT_CPU_SHARES } from './limit-units';

/** The limits with every field present in the change replaced (null included: it removes the limit). */
export function resolveChange(current: ContainerLimits, change: LimitsChange): ContainerLimits {
  const result: ContainerLimits = { ...current, restartPolicy: { ...current.restartPolicy } };
  for (const field of limitFields) {
    if (change[field] !== undefined) (result as unknown as Record<string, unknown>)[field] = change[field];
  }
  return result;
}

function normaliseCpuset(text: string | null, engineCpus: number): string | null {
  if (!text) return null;
  const cores = parseCpuset(text);
  if (!cores) return text;
  if (engineCpus > 0 && cores.length === engineCpus && cores.every((core, index) => core === index)) return null;
  return formatCpuset(cores);
}

/** The same limits in the form the engine reads back, so an edit that changes nothing is not sent. */
export function normaliseLimits(limits: ContainerLimits, engineCpus: number): ContainerLimits {
  const policy = limits.restartPolicy;
  return {
    ...limits,
    cpuShares: limits.cpuShares === DEFAULT_CPU_SHARES ? null : limits.cpuShares,
    cpusetCpus: normaliseCpuset(limits.cpusetCpus, engineCpus),
    restartPolicy: policy.name === 'on-failure' ? { ...policy } : { name: policy.name, maximumRetryCount: 0 },
  };
}

/** The change that turns `base` into `draft`: only differing fields, null where a limit is removed. */
export function diffLimits(base: ContainerLimits, draft: ContainerLimits, engineCpus: number): LimitsChange {
  const from = normaliseLimits(base, engineCpus);
  const to = normaliseLimits(draft, engineCpus);
  const change: Record<string, unknown> = {};
  for (const field of limitFields) {
    if (!sameLimit(field, from[field], to[field])) change[field] = to[field];
  }
  return change as LimitsChange;
}

/** Change-only mode: exactly the touched fields of the draft, as they are (the core normalises per container). */
export function pickFields(draft: ContainerLimits, fields: ReadonlySet<LimitField>): LimitsChange {
  const change: Record<string, unknown> = {};
  for (const field of limitFields) {
    if (fields.has(field)) change[field] = field === 'restartPolicy' ? { ...draft.restartPolicy } : draft[field];
  }
  return change as LimitsChange;
}

export function changeFields(change: LimitsChange): LimitField[] {
  return limitFields.filter((field) => change[field] !== undefined);
}
