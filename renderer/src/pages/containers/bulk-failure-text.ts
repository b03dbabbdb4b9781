// Why one container of a bulk action failed, in the words its results line shows.
import type { BulkResultEntry } from '@shared/container-action-types';

/** Said plainly: the container's name is already on the line, so a 64-digit id in the engine's words is cut short. */
export function failureText(entry: Pick<BulkResultEntry, 'error'>): string {
  if (entry.error?.code === 'NOT_FOUND') return 'it no longer exists (removed elsewhere)';
  return (entry.error?.message ?? 'unknown error').replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}
