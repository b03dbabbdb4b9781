// Runs host commands (ip, umount, htpasswd) for the harness and polls for conditions with a deadline.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

// The engine needs /usr/sbin (dockerd, runc) and ip/umount even when the runner's PATH was built for a user.
export const SYSTEM_PATH = [
  process.env.PATH ?? '',
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
]
  .filter(Boolean)
  .join(':');

/** Runs a command to completion; rejects with its stderr so failures explain themselves. */
export function runCommand(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      // `ip -j link` on a host with a thousand interfaces prints more than execFile's default 1 MiB.
      { encoding: 'utf8', env: { ...process.env, PATH: SYSTEM_PATH }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`[harness] ${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

/** Polls `probe` until it returns true; returns false when the deadline passes first. */
export async function waitUntil(
  probe: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The last lines of a log file, for error messages; a note instead when the file cannot be read. */
export async function tailFile(path: string, lines = 30): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch (error) {
    return `(no log at ${path}: ${(error as Error).message})`;
  }
}

/** Whether a process id is alive (the product's check, which Berth's own engine uses for its daemons). */
export { isAlive } from '../../main/core/engines/dockerd/leftovers';
