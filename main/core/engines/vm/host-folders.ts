// That each folder of a VM's shared folders setting is a folder on this host when the user saves it: one that
// is missing would be skipped at every start with only a line in the VM's log (share-mount.ts).
import { stat } from 'node:fs/promises';
import { BerthError } from '../../../shared/errors';

export async function assertHostFolders(folders: string[]): Promise<void> {
  for (const folder of folders) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error)
      throw new BerthError(
        'INVALID_PAYLOAD',
        info.code === 'ENOENT'
          ? `${folder} does not exist on this computer: create it first, or pick another folder.`
          : `${folder} cannot be read (${info.message}).`,
      );
    if (!info.isDirectory()) throw new BerthError('INVALID_PAYLOAD', `${folder} is a file, not a folder.`);
  }
}
