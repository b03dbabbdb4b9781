// Owns the core's side of the limit rules (main/shared/limits/validate-limits.ts, which the renderer shows per
// field): an apply is refused as a whole, so its problems become ONE INVALID_LIMITS error, in rule order.
import { BerthError } from '../../shared/errors';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '../../shared/limits-types';
import { validateLimits } from '../../shared/limits/validate-limits';

/** The error for every rule the resulting set `result` breaks; null when it may be applied. */
export function invalidLimitsError(
  result: ContainerLimits,
  current: ContainerLimits,
  change: LimitsChange,
  caps: LimitsCapabilities,
): BerthError | null {
  const problems = validateLimits(result, current, change, caps);
  return problems.length === 0
    ? null
    : new BerthError('INVALID_LIMITS', problems.map((problem) => problem.message).join(' '));
}
