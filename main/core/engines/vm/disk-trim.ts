// The guest's fstrim of the engine's data filesystem: freed blocks are discarded down to the virtio disk
// (`discard=unmap`, qemu-args.ts), where QEMU punches holes in the sparse data disk file. `sync` first: ext4 frees
// a deleted file's blocks only once its journal commits, and fstrim skips blocks that are not free yet. The
// check before it says plainly when the disk does not take discards, rather than fstrim's terse error.
import type { Client } from 'ssh2';
import { BerthError } from '../../../shared/errors';
import { execInGuest } from './guest-exec';
import { DATA_DISK_DEVICE, DATA_MOUNT } from './guest-protocol';

const DATA_DEVICE = DATA_DISK_DEVICE.replace(/^\/dev\//, '');
export const TRIM_COMMAND = [
  `read -r max </sys/block/${DATA_DEVICE}/queue/discard_max_bytes`,
  `[ "$max" -gt 0 ] || { echo "${DATA_DEVICE} takes no discards (discard_max_bytes=$max)" >&2; exit 3; }`,
  'sync',
  `fstrim -v ${DATA_MOUNT}`,
].join('; ');
// An 8 GiB filesystem's first trim after boot walks every group; under software emulation that takes seconds.
const TRIM_DEADLINE_MS = 120_000;

/** Bytes of `/var/lib/berth: 1.2 GiB (1288490188 bytes) trimmed` (util-linux `fstrim -v`). */
export function parseFstrim(output: string): number {
  const match = /\((\d+) bytes\) trimmed/.exec(output);
  if (!match)
    throw new BerthError('INTERNAL', `Could not read fstrim's answer in the VM: ${output.trim() || '(none)'}`);
  return Number(match[1]);
}

/** Trims the data filesystem; the bytes fstrim discarded. */
export async function trimGuestDisk(ssh: Client): Promise<number> {
  const { stdout, stderr, code } = await execInGuest(ssh, TRIM_COMMAND, TRIM_DEADLINE_MS);
  if (code !== 0)
    throw new BerthError(
      'INTERNAL',
      `Trimming the VM's data disk failed (exit ${code ?? 'on a signal'}): ${stderr || stdout.trim() || 'no message'}`,
    );
  return parseFstrim(stdout);
}
