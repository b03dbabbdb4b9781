// Owns the last-resort cleanup after a private engine: its containerd shims and container processes when
// dockerd did not shut down cleanly, and every mount left under its directories, so that nothing outlives a
// test run and deleting the directories can never reach through a mount into the host's files.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mountsUnder } from '../../main/core/engines/dockerd/leftovers';
import { runCommand, waitUntil } from './run-command';

export { mountsUnder };

/** Unmounts everything under `dir`, deepest first; lazily when busy, since the engine is already gone. */
export async function unmountAllUnder(dir: string): Promise<void> {
  for (const point of await mountsUnder(dir)) {
    console.warn(`[harness] unmounting leftover ${point}`);
    try {
      await runCommand('umount', [point]);
    } catch (error) {
      console.warn(`[harness] umount ${point} failed, detaching lazily: ${(error as Error).message}`);
      await runCommand('umount', ['-l', point]);
    }
  }
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Processes whose command line mentions `needle` (e.g. a containerd socket path), with their children. */
async function processesMentioning(needle: string): Promise<{ matches: ProcessEntry[]; all: ProcessEntry[] }> {
  const all: ProcessEntry[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      // The parent id is the 4th field of stat, after the command name in parentheses (which may hold spaces).
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.push({ pid: Number(name), ppid, cmdline });
    } catch (error) {
      // A process that exited between readdir and readFile is simply not there any more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ESRCH')
        throw error;
    }
  }
  return { matches: all.filter((entry) => entry.cmdline.includes(needle)), all };
}

/** Ids of live processes whose command line mentions `needle`, e.g. an engine's directory. */
export async function processIdsMentioning(needle: string): Promise<number[]> {
  return (await processesMentioning(needle)).matches.map((entry) => entry.pid);
}

/**
 * Kills the containerd shims that serve `containerdSocket` and the containers they run. Only needed when
 * dockerd died without stopping its containers: the shims and containers then outlive it.
 */
export async function killOrphanShims(containerdSocket: string): Promise<number> {
  const { matches, all } = await processesMentioning(`-address ${containerdSocket}`);
  const shims = matches.filter((entry) => entry.cmdline.includes('containerd-shim'));
  for (const shim of shims) {
    // Killing a container's init (PID 1 of its namespace) takes the whole container down with it.
    for (const child of all.filter((entry) => entry.ppid === shim.pid)) signal(child.pid, 'SIGKILL');
    signal(shim.pid, 'SIGKILL');
    await rm(shimSocketPath(shim.cmdline, containerdSocket), { force: true });
  }
  if (shims.length > 0) {
    console.warn(`[harness] killed ${shims.length} orphan shim(s) of ${containerdSocket}`);
    await waitUntil(
      async () => (await processesMentioning(`-address ${containerdSocket}`)).matches.length === 0,
      5_000,
    );
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

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
