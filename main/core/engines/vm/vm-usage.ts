// What a running VM uses, as the guest sees it: one short shell command over the VM's existing SSH connection
// (memory, two CPU counter reads a second apart, the data disk), and the pure parser of its output.
import type { Client } from 'ssh2';
import type { VmUsage } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import { execInGuest } from './guest-exec';
import { DATA_MOUNT } from './guest-protocol';

/** What the guest itself says; the host's side (QEMU's memory, the disk file) comes from vm-host-usage.ts. */
export type GuestUsage = Omit<VmUsage, 'hostMemBytes' | 'hostDiskBytes'>;

/** One command, so one channel and one round trip; `sleep 1` spaces the two CPU counter reads. */
export const VM_USAGE_COMMAND = `cat /proc/meminfo; head -1 /proc/stat; sleep 1; head -1 /proc/stat; df -B1 -P ${DATA_MOUNT}`;
const USAGE_DEADLINE_MS = 10_000;

/** Parses the command's output; throws a BerthError naming what was missing, so a changed guest is obvious. */
export function parseVmUsage(text: string): GuestUsage {
  const lines = text.split('\n');
  const meminfo = (key: string): number | null => {
    const line = lines.find((candidate) => candidate.startsWith(`${key}:`));
    const match = line ? /:\s*(\d+)\s*kB/.exec(line) : null;
    return match ? Number(match[1]) * 1024 : null;
  };
  const memTotal = meminfo('MemTotal');
  const memAvailable = meminfo('MemAvailable');
  const cpuLines = lines.filter((line) => /^cpu\s/.test(line));
  const df = lines
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields.length >= 6 && /^\d+$/.test(fields[1]) && fields[5] === DATA_MOUNT);
  if (memTotal === null || memAvailable === null) throw unreadable('/proc/meminfo');
  if (cpuLines.length < 2) throw unreadable('/proc/stat');
  if (!df) throw unreadable(`df of ${DATA_MOUNT}`);
  return {
    memTotalBytes: memTotal,
    memUsedBytes: Math.max(0, memTotal - memAvailable),
    cpuBusyPercent: busyPercent(cpuLines[0], cpuLines[1]),
    diskTotalBytes: Number(df[1]),
    diskUsedBytes: Number(df[2]),
  };
}

/** Busy share between two `cpu …` lines of /proc/stat: idle and iowait are the only not-busy columns. */
export function busyPercent(first: string, second: string): number {
  const counters = (line: string) => line.trim().split(/\s+/).slice(1).map(Number);
  const a = counters(first);
  const b = counters(second);
  const total = b.reduce((sum, value) => sum + value, 0) - a.reduce((sum, value) => sum + value, 0);
  const idle = (b[3] ?? 0) + (b[4] ?? 0) - (a[3] ?? 0) - (a[4] ?? 0);
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, ((total - idle) / total) * 100));
}

/** Runs the command on `ssh` and parses what it printed. */
export async function readVmUsage(ssh: Client): Promise<GuestUsage> {
  const { stdout, stderr } = await execInGuest(ssh, VM_USAGE_COMMAND, USAGE_DEADLINE_MS);
  try {
    return parseVmUsage(stdout);
  } catch (error) {
    // The guest's own complaint (e.g. df's) says more than "could not read".
    throw stderr ? new BerthError('INTERNAL', `${(error as Error).message} (${stderr})`) : error;
  }
}

function unreadable(what: string): BerthError {
  return new BerthError('INTERNAL', `Could not read ${what} in the VM.`);
}
