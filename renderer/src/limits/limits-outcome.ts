// What the Limits panel says after Apply or Undo: what the engine now enforces, its warnings, or the error
// verbatim with a title naming who refused and, where the core's message does not say it, what to do next.
import { BerthError, type ErrorCode } from '@shared/errors';
import type { LimitsApplyResult } from '@shared/limits-types';
import { describeChanges } from './limit-descriptions';
import { errorMessage } from '@shared/error-message';

export type LimitsOutcome =
  | { kind: 'applied' | 'undone'; result: LimitsApplyResult }
  | { kind: 'error'; action: 'apply' | 'undo'; code: ErrorCode; title: string; message: string }
  | { kind: 'cancelled' }
  | { kind: 'note'; message: string };

/** The core's refusals already end with what to do; these codes come from elsewhere and do not. */
const advice: Partial<Record<ErrorCode, string>> = {
  ENGINE_UNREACHABLE: 'Berth reconnects on its own: try again once the status bar says the engine is connected.',
  TRANSPORT_CLOSED: "The connection to Berth's core dropped: try again once it is back.",
  NOT_FOUND: 'The container may have been removed.',
  INTERNAL: 'This is a bug in Berth: the log of its core has the details.',
};

export function errorTitle(code: ErrorCode, action: 'apply' | 'undo'): string {
  if (code === 'INVALID_LIMITS') return 'Berth refused these limits';
  if (code === 'ENGINE_REFUSED' || code === 'ENGINE_ERROR' || code === 'CONFLICT') {
    return action === 'undo' ? 'The last change could not be undone' : 'The engine refused the change';
  }
  return action === 'undo' ? 'Could not undo the last change' : 'Could not apply the limits';
}

export function errorOutcome(action: 'apply' | 'undo', error: unknown): LimitsOutcome {
  const code: ErrorCode = error instanceof BerthError ? error.code : 'INTERNAL';
  const message = errorMessage(error);
  const hint = advice[code];
  return {
    kind: 'error',
    action,
    code,
    title: errorTitle(code, action),
    message: hint && !message.includes(hint) ? `${message} ${hint}` : message,
  };
}

/** "memory limit 256 MiB → 128 MiB" for each field the engine now enforces differently. */
export function enforcedChanges(result: LimitsApplyResult): string[] {
  return describeChanges(result.before, result.after);
}
