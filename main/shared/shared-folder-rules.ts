// What a VM engine's shared folders setting may hold: each folder is mounted in the guest at the same path, so
// one covering the guest's own system folders (/, /etc, /usr, the engine's /var/lib/docker) would hide them and
// break the VM; duplicates and a folder inside another would mount the same files twice. Checked at the IPC
// boundary (contract.ts) and shown by the Engine page's panel; that each folder exists is checked in the core.
import { hostPathSegments, isInsideHostFolder, type HostPlatform } from './host-path';

/** Guest folders a share must not cover (the guest mounts each share at its host path). */
export const GUEST_SYSTEM_FOLDERS = [
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
  '/var/lib/berth',
  '/var/lib/docker',
  '/var/lib/containerd',
] as const;

/** Guest folders no share may lie inside either: the engine's and the kernel's own, which a mount would shadow. */
export const GUEST_PRIVATE_FOLDERS = [
  '/boot',
  '/dev',
  '/proc',
  '/run',
  '/sys',
  '/var/lib/berth',
  '/var/lib/containerd',
  '/var/lib/docker',
] as const;

/** The first problem with a list of shared folders, as a sentence naming the folder; null when it fits. */
export function sharedFoldersProblem(folders: readonly string[], platform: HostPlatform): string | null {
  for (const [index, folder] of folders.entries()) {
    if (!hostPathSegments(folder, platform)) return `${folder || '(empty)'} is not an absolute path.`;
    // The guest sees POSIX paths: a folder covering (or being) a system folder hides the guest's own.
    const covered = GUEST_SYSTEM_FOLDERS.find((system) => isInsideHostFolder(system, folder, 'linux'));
    if (covered)
      return `${folder} would cover the VM's own ${covered} (each shared folder appears in the VM at the same path): share a folder inside it instead.`;
    const inside = GUEST_PRIVATE_FOLDERS.find((guest) => isInsideHostFolder(folder, guest, 'linux'));
    if (inside) return `${folder} is inside the VM's own ${inside}, which a shared folder there would shadow.`;
    for (const other of folders.slice(0, index)) {
      if (isInsideHostFolder(folder, other, platform) && isInsideHostFolder(other, folder, platform))
        return `${folder} is listed twice.`;
      if (isInsideHostFolder(folder, other, platform)) return `${folder} is inside ${other}, which is already shared.`;
      if (isInsideHostFolder(other, folder, platform)) return `${other} is inside ${folder}: share only one of them.`;
    }
  }
  return null;
}
