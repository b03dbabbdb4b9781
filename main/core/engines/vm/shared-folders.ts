// The host folders a VM engine shares with its guest (a setting of the engine, default the user's home), the
// QEMU options that export them over virtio-9p, and the guest command that mounts each at the same path, so
// `docker run -v /home/me/src:/src` names the same files inside the VM as on the host.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import type { VmEngineConfig } from './vm-config';

/** 9p's message size: larger messages mean fewer round trips for big reads; Linux 6.1's virtio transport takes it. */
export const NINEP_MSIZE = 262_144;

/**
 * `none`: files are created with QEMU's own user, and the guest's chown is tried and its failure ignored. QEMU
 * runs as the user who runs Berth, so on the host the files a container writes belong to that user (root
 * containers included); a root QEMU's chown succeeds, so there files keep the container's owner.
 * `passthrough` would fail such writes for a non-root QEMU and `mapped-xattr` would hide the guest's owners and
 * modes in xattrs that host tools do not read.
 */
export const NINEP_SECURITY_MODEL = 'none';

/** The default: the user's home (`/Users` on macOS, as Docker Desktop shares it; the profile on Windows). */
export function defaultSharedFolders(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') return ['/Users'];
  if (platform === 'win32') return [env.USERPROFILE || homedir()];
  return [env.HOME || homedir()];
}

/** What the engine shares: its setting, else the default. An empty list shares nothing. */
export function sharedFoldersOf(config: VmEngineConfig, env: NodeJS.ProcessEnv): string[] {
  return config.sharedFolders ?? defaultSharedFolders(env);
}

/** A share's 9p mount tag: short, fixed, and free of the characters a path could bring in. */
export function shareTag(index: number): string {
  return `berth${index}`;
}

/** QEMU's option syntax doubles commas inside values. */
function escapeOption(value: string): string {
  return value.replace(/,/g, ',,');
}

/** One `-virtfs` per folder (each a virtio-9p-pci device with its fsdev). */
export function virtfsArgs(folders: string[]): string[] {
  return folders.flatMap((folder, index) => [
    '-virtfs',
    `local,path=${escapeOption(folder)},mount_tag=${shareTag(index)},security_model=${NINEP_SECURITY_MODEL},id=${shareTag(index)}`,
  ]);
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The guest's path for a host folder: the same path on Linux and macOS; a Windows path becomes its POSIX
 * spelling (`C:\Users\me` → `/c/Users/me`), which is what a bind mount there must then name (untested).
 */
export function guestPathOf(folder: string): string {
  if (!win32.isAbsolute(folder) || posix.isAbsolute(folder)) return folder;
  const parsed = win32.parse(folder);
  const drive = parsed.root.replace(/[:\\/]/g, '').toLowerCase();
  return posix.join('/', drive, ...folder.slice(parsed.root.length).split(/[\\/]+/));
}

export type ShareMechanism = 'virtiofs' | '9p';

/** One shell command (run over SSH after boot) that mounts every share, skipping any already mounted. */
export function mountCommand(folders: string[], mechanism: ShareMechanism = '9p'): string {
  const mount =
    mechanism === 'virtiofs'
      ? 'mount -t virtiofs'
      : `mount -t 9p -o trans=virtio,version=9p2000.L,msize=${NINEP_MSIZE}`;
  const steps = folders.map((folder, index) => {
    const path = shellQuote(guestPathOf(folder));
    return `{ mountpoint -q ${path} || { mkdir -p ${path} && ${mount} ${shareTag(index)} ${path}; }; }`;
  });
  return [mechanism === 'virtiofs' ? 'modprobe virtiofs' : 'modprobe 9pnet_virtio', ...steps].join(' && ');
}

/** Unmounts every share that is mounted (before a VM's state is saved: QEMU refuses to save a mounted 9p export). */
export function unmountCommand(folders: string[]): string {
  return folders
    .map((folder) => shellQuote(guestPathOf(folder)))
    .map((path) => `{ ! mountpoint -q ${path} || umount ${path}; }`)
    .join(' && ');
}
