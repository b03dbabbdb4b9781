// What a running VM costs the host, next to what the guest says it uses: QEMU's resident memory (VmRSS of
// /proc/<pid>/status, Linux hosts) and the data disk file's allocated blocks (its real size: the file is sparse,
// so its apparent size says nothing). Either is null where it cannot be read, rather than failing the reading.
import { readFile, stat } from 'node:fs/promises';

export interface HostUsage {
  hostMemBytes: number | null;
  hostDiskBytes: number | null;
}

/** VmRSS of a /proc/<pid>/status text, in bytes; null without the line. */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s*(\d+)\s*kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** QEMU's resident memory; null off Linux or once the process is gone. */
export async function processRssBytes(pid: number | undefined, platform = process.platform): Promise<number | null> {
  if (pid === undefined || platform !== 'linux') return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  return status === null ? null : parseVmRss(status);
}

/** The bytes a file occupies on its filesystem (512-byte blocks, as POSIX counts them); null if unreadable. */
export async function allocatedBytes(file: string): Promise<number | null> {
  const info = await stat(file).catch(() => null);
  // Windows reports no block count (NaN or 0 with a non-empty file): no honest number then.
  if (!info || !Number.isFinite(info.blocks) || (info.blocks === 0 && info.size > 0 && process.platform === 'win32'))
    return null;
  return info.blocks * 512;
}

export async function readHostUsage(pid: number | undefined, dataDisk: string): Promise<HostUsage> {
  const [hostMemBytes, hostDiskBytes] = await Promise.all([processRssBytes(pid), allocatedBytes(dataDisk)]);
  return { hostMemBytes, hostDiskBytes };
}
