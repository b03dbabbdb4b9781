// Owns counting what a process holds open, from /proc/<pid>/fd: fault tests compare the counts before a fault
// and after recovery to prove nothing was opened twice (a duplicate stats watch holds its cgroup files twice).
import { readdirSync, readlinkSync } from 'node:fs';

export interface FdCounts {
  /** Kept-open cgroup files of the stats collector. */
  cgroup: number;
  sockets: number;
  total: number;
}

export function fdCounts(pid: number): FdCounts {
  const counts: FdCounts = { cgroup: 0, sockets: 0, total: 0 };
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch (error) {
      // Closed between the listing and the read: it no longer counts.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    counts.total += 1;
    if (target.startsWith('/sys/fs/cgroup/')) counts.cgroup += 1;
    else if (target.startsWith('socket:')) counts.sockets += 1;
  }
  return counts;
}
