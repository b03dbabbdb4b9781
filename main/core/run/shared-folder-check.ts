// Refuses, before the engine is asked, a bind mount that a VM engine cannot serve: the VM sees only the host
// folders it shares (engines/vm/shared-folders.ts), so any other host path would be a folder of the guest's own
// disk, empty or made up by the engine, which is never what the user meant. Berth's run path and the docker
// CLI's proxy (engines/vm/create-bind-check.ts) both say it with outsideSharesMessage.
import { BerthError } from '../../shared/errors';
import { isInAnyHostFolder, type HostPlatform } from '../../shared/host-path';
import type { MountSpec } from '../../shared/run-types';

/** The active engine's shares, when it is a VM; null for engines that see the host's files as they are. */
export interface SharedFoldersOfActive {
  engineName: string;
  folders: string[];
}

/** Whether `source` (a host path) lies in one of `folders`, compared as this host's file system would. */
export function isShared(source: string, folders: string[], platform: HostPlatform = process.platform): boolean {
  return isInAnyHostFolder(source, folders, platform);
}

/** What the user reads when a bind mount's host path is not shared: the path, the engine and its setting. */
export function outsideSharesMessage(source: string, shares: SharedFoldersOfActive): string {
  const list = shares.folders.length > 0 ? shares.folders.join(', ') : 'none';
  return (
    `The bind mount ${source} is outside the folders the VM engine "${shares.engineName}" shares with ` +
    `its guest (its Shared folders setting: ${list}), so the container would see an empty folder of the VM ` +
    `instead. Add the folder to that engine's Shared folders (on Berth's Engine page; it applies at the VM's ` +
    `next start) or use a folder inside one of them.`
  );
}

/** A BerthError naming the first bind mount outside the shares and the setting to change; null when all fit. */
export function bindOutsideSharesError(
  mounts: MountSpec[],
  shares: SharedFoldersOfActive | null,
  platform: HostPlatform = process.platform,
): BerthError | null {
  if (!shares) return null;
  const outside = mounts.find((mount) => mount.type === 'bind' && !isShared(mount.source, shares.folders, platform));
  if (!outside) return null;
  return new BerthError('CONFLICT', outsideSharesMessage(outside.source, shares));
}
