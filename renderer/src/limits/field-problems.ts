// The renderer's side of the limit rules (main/shared/limits/validate-limits.ts, which the core turns into one
// refusal): each field shows one problem beside it.
import type { LimitField } from '@shared/limits/limit-fields';
import type { LimitProblem } from '@shared/limits/validate-limits';

/** The first problem of each field, for showing beside it. */
export function problemsByField(problems: readonly LimitProblem[]): Partial<Record<LimitField, string>> {
  const byField: Partial<Record<LimitField, string>> = {};
  for (const problem of problems) byField[problem.field] ??= problem.message;
  return byField;
}
