// From an edited limit set to the one request that applies it: only the fields that really differ from what
// the engine enforces (after normalising as the engine reads back, main/shared/limits/resolve-change.ts: all cores = no cpuset,
// weight 1024 = default), or in change-only mode exactly the fields the user touched.
import type { ContainerLimits, LimitsChange } from '@shared/limits-types';
import { limitFields, sameLimit, type LimitField } from '@shared/limits/limit-fields';
import { normaliseLimits } from '@shared/limits/resolve-change';

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
