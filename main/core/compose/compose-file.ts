// Checks the compose file a user names before any CLI runs: an absolute path (serve mode cannot browse, so the
// user types it and a relative one would resolve against Berth's folder, not theirs), that exists and is a
// regular file. Each failure says which of these it is.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { BerthError } from '../../shared/errors';

export async function checkComposeFile(file: string): Promise<string> {
  if (!isAbsolute(file))
    throw new BerthError('INVALID_PAYLOAD', `${file} is not an absolute path: give the compose file's full path.`);
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new BerthError('NOT_FOUND', `No compose file at ${file}: nothing is there.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new BerthError('CONFLICT', `Berth may not read ${file} (permission denied).`);
    throw new BerthError('CONFLICT', `${file} cannot be read: ${(error as Error).message}`);
  }
  if (info.isDirectory())
    throw new BerthError(
      'CONFLICT',
      `${file} is a folder, not a compose file: name the file in it (compose.yaml or docker-compose.yml).`,
    );
  if (!info.isFile()) throw new BerthError('CONFLICT', `${file} is not a regular file.`);
  return file;
}
