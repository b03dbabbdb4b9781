// What every field of the limits editor is handed: the limit set being edited, what the engine allows, the
// problems to show inline, and `set`, which applies one edit with its couplings (limits/limits-edit.ts).
import { createContext } from 'react';
import type { ContainerLimits, LimitsCapabilities } from '@shared/limits-types';
import type { LimitField } from '@shared/limits/limit-fields';
import type { UsageNow } from '../../limits/limits-edit';
import type { MemoryUnit } from '../../limits/limit-editor-units';

export interface EditorFieldProps {
  value: ContainerLimits;
  capabilities: LimitsCapabilities;
  problems: Partial<Record<LimitField, string>>;
  changed: ReadonlySet<LimitField>;
  /** Current use; null where there is no one container (bulk), so the fields do not mention it. */
  usage: UsageNow | null;
  isDisabled: boolean;
  set: <F extends LimitField>(field: F, next: ContainerLimits[F]) => void;
}

export interface MemoryFieldProps extends EditorFieldProps {
  unit: MemoryUnit;
}

/** Why a field cannot change here (capabilities.fixed), or null. */
export function fixedReason(capabilities: LimitsCapabilities, field: LimitField): string | null {
  return capabilities.fixed.find((entry) => entry.field === field)?.reason ?? null;
}

/** Change-only mode (bulk): fields not touched say "unchanged", since their controls show neutral values. */
export const ChangeOnlyContext = createContext(false);
