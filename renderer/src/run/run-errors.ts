// Owns how a failed run reads: a title in plain words for the core's error code, the core's own message,
// and what the user can do next. The run dialog and the one-click Run button show the same words.
import { BerthError } from '@shared/errors';

export interface RunErrorText {
  title: string;
  message: string;
  /** The dialog tab where the cause can be fixed, when there is one. */
  tab: 'general' | 'limits' | null;
}

export function describeRunError(error: Error): RunErrorText {
  const code = error instanceof BerthError ? error.code : 'INTERNAL';
  const message = error.message;
  switch (code) {
    case 'INVALID_LIMITS':
      return { title: 'The limits were refused', message, tab: 'limits' };
    case 'CONFLICT':
      // The engine's own words already say which container has the name and what to do.
      return { title: 'The name is already in use', message, tab: 'general' };
    case 'AUTH_REQUIRED':
      return {
        title: 'The registry wants you to log in',
        message: `${message} Log in on the Registries page, then run again.`,
        tab: null,
      };
    case 'REGISTRY_UNREACHABLE':
      return { title: 'The registry could not be reached', message, tab: null };
    case 'INVALID_REFERENCE':
      return { title: 'The image reference is not valid', message, tab: 'general' };
    case 'NOT_FOUND':
      return { title: 'Not found', message, tab: 'general' };
    case 'CANCELLED':
      return { title: 'The pull was cancelled', message, tab: null };
    case 'ENGINE_UNREACHABLE':
      return { title: 'The engine is unreachable', message, tab: null };
    case 'TRANSPORT_CLOSED':
      return {
        title: 'Not connected to the Berth core',
        message: `${message} It may still have run: check Containers once reconnected.`,
        tab: null,
      };
    default:
      return { title: 'Could not run the container', message, tab: null };
  }
}
