// The engine's refusals of archive calls in plain words. docker-modem puts a streamed call's error body into
// its message (`(HTTP code 404) no such container - Could not find the file /x in container y`), so the
// engine's own sentence is taken from there.
import { BerthError } from '../../shared/errors';
import { engineMessage } from '../connection/engine-errors';

/** The engine's sentence without docker-modem's `(HTTP code …) reason - ` prefix. */
export function engineCause(error: unknown): string {
  const message = engineMessage(error);
  const cut = message.match(/^\(HTTP code \d+\) [^-]*- (.*)$/s);
  return (cut ? cut[1] : message).trim();
}

export function noSuchPath(path: string, container: string): BerthError {
  return new BerthError('NOT_FOUND', `${container} has no file or folder at ${path}.`);
}

/** An upload the engine refused, said as what the user can do about it. */
export function uploadRefusal(error: unknown, folder: string, container: string): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === undefined || error instanceof BerthError) return error;
  const cause = engineCause(error);
  if (/read-only/i.test(cause))
    return new BerthError(
      'ENGINE_REFUSED',
      `${folder} in ${container} is read-only, so nothing can be written there: upload into a writable volume or tmpfs mounted in it instead. The engine said: ${cause}`,
    );
  if (/not a directory/i.test(cause))
    return new BerthError('CONFLICT', `${folder} in ${container} is not a folder. The engine said: ${cause}`);
  if (status === 404) return noSuchPath(folder, container);
  return new BerthError('ENGINE_REFUSED', `The engine refused the upload into ${folder}: ${cause}`);
}
