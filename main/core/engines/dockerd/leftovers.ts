// Finds and removes what a Berth-owned engine can leave behind: daemons of a previous Berth run (found through
// their pidfiles and recognised by their command line), containerd shims that outlived a killed dockerd,
// and mounts under the engine's folders. Nothing here touches a process that is not this engine's.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runHostCommand } from './host-command';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  cmdline: string;
}

function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ESRCH';
}

export async function listProcesses(): Promise<ProcessEntry[]> {
  const all: ProcessEntry[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
      // The parent id is the 4th field of stat, after the command name in parentheses (which may hold spaces).
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.push({ pid: Number(name), ppid, cmdline });
    } catch (error) {
      // A process that exited between readdir and readFile is simply not there any more.
      if (!isGone(error)) throw error;
    }
  }
  return all;
}

export async function processesMentioning(needle: string): Promise<ProcessEntry[]> {
  return (await listProcesses()).filter((entry) => entry.cmdline.includes(needle));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

async function cmdlineOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/**
 * Stops the process named in `pidfile` when it is still running and its command line mentions `marker` (so
 * a reused pid of an unrelated process is never signalled); SIGKILL after `timeoutMs`. Removes the pidfile.
 * Returns what it did, for the log.
 */
export async function stopFromPidfile(
  pidfile: string,
  marker: string,
  timeoutMs: number,
): Promise<'none' | 'stale' | 'stopped' | 'killed'> {
  let text: string;
  try {
    text = await readFile(pidfile, 'utf8');
  } catch (error) {
    if (isGone(error)) return 'none';
    throw error;
  }
  const pid = Number(text.trim());
  const cmdline = Number.isInteger(pid) && pid > 1 ? await cmdlineOf(pid) : null;
  let outcome: 'stale' | 'stopped' | 'killed' = 'stale';
  if (cmdline?.includes(marker)) {
    signal(pid, 'SIGTERM');
    outcome = 'stopped';
    if (!(await waitGone(pid, timeoutMs))) {
      signal(pid, 'SIGKILL');
      await waitGone(pid, 5_000);
      outcome = 'killed';
    }
  }
  await rm(pidfile, { force: true });
  return outcome;
}

/** Kills the shims serving `containerdSocket` and their containers (only left when dockerd did not stop them). */
export async function killShims(containerdSocket: string): Promise<number> {
  const all = await listProcesses();
  const shims = all.filter(
    (entry) => entry.cmdline.includes('containerd-shim') && entry.cmdline.includes(`-address ${containerdSocket}`),
  );
  for (const shim of shims) {
    // Killing a container's init (PID 1 of its namespace) takes the whole container down with it.
    for (const child of all.filter((entry) => entry.ppid === shim.pid)) signal(child.pid, 'SIGKILL');
    signal(shim.pid, 'SIGKILL');
    await waitGone(shim.pid, 5_000);
    await rm(shimSocketPath(shim.cmdline, containerdSocket), { force: true });
  }
  return shims.length;
}

// containerd 1.6 puts every shim's socket at /run/containerd/s/sha256(<address>/<namespace>/<id>), whatever
// its state directory; a killed shim cannot remove its own.
function shimSocketPath(cmdline: string, containerdSocket: string): string {
  const argument = (flag: string) => cmdline.match(new RegExp(`(?:^| )-${flag} (\\S+)`))?.[1] ?? '';
  const hash = createHash('sha256')
    .update(join(containerdSocket, argument('namespace'), argument('id')))
    .digest('hex');
  return `/run/containerd/s/${hash}`;
}

/** Mount points at or under `dir`, deepest first, from this process's mount table. */
export async function mountsUnder(dir: string): Promise<string[]> {
  const table = await readFile('/proc/self/mountinfo', 'utf8');
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const points = table
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((point): point is string => point !== undefined)
    // mountinfo escapes space, tab, newline and backslash as octal.
    .map((point) => point.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))))
    .filter((point) => point === dir || point.startsWith(prefix));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** Unmounts everything under `dir`, deepest first; lazily when busy, since the engine is already gone. */
export async function unmountAllUnder(dir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const points = await mountsUnder(dir);
  for (const point of points) {
    try {
      await runHostCommand('umount', [point], env);
    } catch (umountError) {
      // Busy (a process still has a file open there): detach it so the engine's folders can be reused.
      await runHostCommand('umount', ['-l', point], env).catch((lazyError: Error) => {
        throw new Error(`[engine] cannot unmount ${point}: ${(umountError as Error).message}; ${lazyError.message}`);
      });
    }
  }
  return points;
}
