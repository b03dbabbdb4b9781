// Refuses, before the engine is asked, a bind mount that a VM engine cannot serve: the VM sees only the host
// folders it shares (engines/vm/shared-folders.ts), so any other host path would be a folder of the guest's own
// disk, empty or made up by the engine, which is never what the user meant.
import { posix } from 'node:path';
import { BerthError } from '../../shared/errors';
import type { MountSpec } from '../../shared/run-types';

/** The active engine's shares, when it is a VM; null for engines that see the host's files as they are. */
export interface SharedFoldersOfActive {
  engineName: string;
  folders: string[];
}

function inside(path: string, folder: string): boolean {
  const base = posix.normalize(folder).replace(/\/+$/, '') || '/';
  const target = posix.normalize(path);
  return base === '/' || target === base || target.startsWith(`${base}/`);
}

/** Whether `source` (a host path) lies in one of `folders`. */
export function isShared(source: string, folders: string[]): boolean {
  return folders.some((folder) => inside(source, folder));
}

/** A BerthError naming the first bind mount outside the shares and the setting to change; null when all fit. */
export function bindOutsideSharesError(mounts: MountSpec[], shares: SharedFoldersOfActive | null): BerthError | null {
  if (!shares) return null;
  const outside = mounts.find((mount) => mount.type === 'bind' && !isShared(mount.source, shares.folders));
  if (!outside) return null;
  const list = shares.folders.length > 0 ? shares.folders.join(', ') : 'none';
  return new BerthError(
    'CONFLICT',
    `The bind mount ${outside.source} is outside the folders the VM engine "${shares.engineName}" shares with ` +
      `its guest (its Shared folders setting: ${list}), so the container would see an empty folder of the VM ` +
      `instead. Add the folder to that engine's shared folders (sharedFolders in Berth's settings.json, then ` +
      `restart the VM) or use a folder inside one of them.`,
  );
}
