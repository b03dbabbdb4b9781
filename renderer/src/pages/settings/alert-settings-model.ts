// The Alerts section's form as text the user types, checked field by field against the ranges of the
// contract's schema (so the page and the core agree), and turned into the settings `settings:update` saves.
import { statsAlertSettingsSchema } from '@shared/channels/stats-history-channels';
import type { StatsAlertSettings } from '@shared/stats-history-types';

export const alertNumberFields = ['memoryPercent', 'memorySeconds', 'throttledPercent', 'throttledSeconds'] as const;
export type AlertNumberField = (typeof alertNumberFields)[number];

export interface AlertDraft {
  enabled: boolean;
  oom: boolean;
  numbers: Record<AlertNumberField, string>;
}

export function draftOf(settings: StatsAlertSettings): AlertDraft {
  return {
    enabled: settings.enabled,
    oom: settings.oom,
    numbers: {
      memoryPercent: String(settings.memoryPercent),
      memorySeconds: String(settings.memorySeconds),
      throttledPercent: String(settings.throttledPercent),
      throttledSeconds: String(settings.throttledSeconds),
    },
  };
}

/** The allowed range of a field, from the schema the core checks with. */
export function rangeOf(field: AlertNumberField): { min: number; max: number } {
  const shape = statsAlertSettingsSchema.shape[field];
  return { min: shape.minValue ?? 0, max: shape.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** Each field's problem in words; a field without a problem is absent. */
export function alertProblems(draft: AlertDraft): Partial<Record<AlertNumberField, string>> {
  const problems: Partial<Record<AlertNumberField, string>> = {};
  for (const field of alertNumberFields) {
    const text = draft.numbers[field].trim();
    const { min, max } = rangeOf(field);
    const unit = field.endsWith('Percent') ? ' %' : ' s';
    if (!/^\d+$/.test(text)) problems[field] = `Give a whole number from ${min} to ${max}${unit}.`;
    else if (Number(text) < min || Number(text) > max) problems[field] = `From ${min} to ${max}${unit}.`;
  }
  return problems;
}

/** The settings to save; only called when there are no problems. */
export function settingsOf(draft: AlertDraft): StatsAlertSettings {
  return {
    enabled: draft.enabled,
    oom: draft.oom,
    memoryPercent: Number(draft.numbers.memoryPercent.trim()),
    memorySeconds: Number(draft.numbers.memorySeconds.trim()),
    throttledPercent: Number(draft.numbers.throttledPercent.trim()),
    throttledSeconds: Number(draft.numbers.throttledSeconds.trim()),
  };
}
