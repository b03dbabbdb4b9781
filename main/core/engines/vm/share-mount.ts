// The shared folders' part of a VM's start: before QEMU, which folders can be exported (a missing one would
// stop QEMU from starting, so it is left out and said); after the engine answers, mounting them in the guest
// over the VM's SSH connection, with the result in the VM's log.
import { stat } from 'node:fs/promises';
import type { Client } from 'ssh2';
import { execInGuest } from './guest-exec';
import { guestPathOf, mountCommand, NINEP_SECURITY_MODEL, type ShareMechanism } from './shared-folders';

const MOUNT_DEADLINE_MS = 30_000;

/** The folders that exist and are folders; each other one is named in the log and skipped. */
export async function exportableFolders(folders: string[], note: (line: string) => void): Promise<string[]> {
  const kept: string[] = [];
  for (const folder of folders) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) note(`[vm] shared folder ${folder} is not shared: ${info.message}`);
    else if (!info.isDirectory()) note(`[vm] shared folder ${folder} is not shared: it is not a folder`);
    else kept.push(folder);
  }
  return kept;
}

/** Mounts the exported folders in the guest; a failure is logged (the engine still runs without them). */
export async function mountShares(
  ssh: Client,
  folders: string[],
  mechanism: ShareMechanism,
  note: (line: string) => void,
): Promise<boolean> {
  if (folders.length === 0) return true;
  const result = await execInGuest(ssh, mountCommand(folders, mechanism), MOUNT_DEADLINE_MS).catch(
    (error: Error) => ({ code: null, stdout: '', stderr: error.message }) as const,
  );
  const list = folders.map(guestPathOf).join(', ');
  if (result.code === 0) {
    const how = mechanism === 'virtiofs' ? 'virtiofs' : `virtio-9p (security_model=${NINEP_SECURITY_MODEL})`;
    note(`[vm] shared folders mounted over ${how}: ${list}`);
    return true;
  }
  note(
    `[vm] could not mount the shared folders (${list}) in the VM: ${result.stderr.trim() || `exit code ${result.code}`}`,
  );
  return false;
}
