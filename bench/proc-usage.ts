// Reads what processes cost from /proc: CPU seconds of a set of pids (including children they reaped),
// resident memory, and the process table for finding descendants or processes by command line.
// Linux only; benchmarks run as root, so every process is readable.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat times; asked once (usually 100). */
export const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

export interface ProcEntry {
  pid: number;
  ppid: number;
  cmdline: string;
  /** utime + stime + cutime + cstime, in clock ticks. */
  ticks: number;
}

function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ESRCH';
}

/**
 * One process's stat line; undefined when it has exited. cutime/cstime count children the process waited
 * for (e.g. a shim reaping `runc`), which belong to its cost as much as its own time does.
 */
export function readProc(pid: number): ProcEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which sits in parentheses and may hold spaces: state is field 3.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(rest[n - 3]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, ppid: field(4), cmdline, ticks: field(14) + field(15) + field(16) + field(17) };
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}

/** Every live process. */
export function processTable(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProc(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/** `root` and all its live descendants. */
export function withDescendants(root: number, table: ProcEntry[] = processTable()): number[] {
  const result = [root];
  for (let i = 0; i < result.length; i += 1) {
    for (const entry of table) if (entry.ppid === result[i]) result.push(entry.pid);
  }
  return result;
}

/** CPU ticks per pid at one moment; pids that have exited are left out. */
export type CpuSnapshot = Map<number, number>;

export function cpuSnapshot(pids: number[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of pids) {
    const entry = readProc(pid);
    if (entry) snapshot.set(pid, entry.ticks);
  }
  return snapshot;
}

/**
 * CPU seconds spent between two snapshots. A pid new in `end` counts from zero (it started inside the
 * window); a pid missing from `end` exited and its last stretch is lost, which `lostPids` reports.
 */
export function cpuSecondsBetween(start: CpuSnapshot, end: CpuSnapshot): { seconds: number; lostPids: number[] } {
  let ticks = 0;
  for (const [pid, endTicks] of end) ticks += endTicks - (start.get(pid) ?? 0);
  const lostPids = [...start.keys()].filter((pid) => !end.has(pid));
  return { seconds: ticks / clockTicks, lostPids };
}

/** Resident memory (VmRSS) in bytes; undefined when the process has exited. */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}
