// The handlers of the recorded-history channels (stats-history-channels.ts).
// PLACEHOLDER: the recorder is being wired to the store in this change; until then these refuse plainly.
import { BerthError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';

const notYet = () => Promise.reject(new BerthError('INTERNAL', 'Recorded stats history is not available yet.'));

export function recordingHandlers(): Pick<Handlers, 'stats:recording' | 'stats:range' | 'stats:top' | 'stats:export'> {
  return { 'stats:recording': notYet, 'stats:range': notYet, 'stats:top': notYet, 'stats:export': notYet };
}
