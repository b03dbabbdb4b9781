// How limit values read in the renderer's notes: as the shared wording (main/shared/limits/limit-fields.ts)
// except CPU values, which read in cores, the unit the rest of the UI (stats, the CPU slider) uses.
import type { ContainerLimits } from '@shared/limits-types';
import {
  changedFields,
  describeValue as describeLimitValue,
  fieldLabel,
  type LimitField,
} from '@shared/limits/limit-fields';
import { formatCores } from '../format/stats-format';

export function describeValue<F extends LimitField>(field: F, value: ContainerLimits[F]): string {
  if (field === 'cpus' && value !== null) return formatCores(value as number);
  return describeLimitValue(field, value);
}

/** "memory limit 256 MiB → 128 MiB", one line per field that differs. */
export function describeChanges(from: ContainerLimits, to: ContainerLimits): string[] {
  return changedFields(from, to).map(
    (field) => `${fieldLabel(field)} ${describeValue(field, from[field])} → ${describeValue(field, to[field])}`,
  );
}
