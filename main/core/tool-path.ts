// Where Berth finds the programs it runs: dockerd, containerd (and, through the daemons' PATH, runc and the
// shims), ip, iptables, umount, qemu-system-*, zstd, docker-credential-*. One resolver, so every spawn follows
// the same rule. As root the system folders come first, and relative entries are dropped: a root Berth must
// not run a same-named program that a folder early on the caller's PATH offers (~/bin, a project's
// node_modules/.bin, /tmp/…), which anyone who can write there would turn into root. As a normal user the
// user's PATH wins, as in a shell, with the system folders after it (a desktop session's PATH often lacks
// /usr/sbin).
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const SYSTEM_DIRS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin'];

/** The effective user id; undefined where there is none (Windows), where PATH is left as it is. */
function currentUid(): number | undefined {
  return process.getuid?.();
}

/** The PATH Berth searches and hands to the daemons it starts. */
export function toolPath(env: NodeJS.ProcessEnv, uid: number | undefined = currentUid()): string {
  const user = (env.PATH ?? '').split(delimiter).filter(Boolean);
  if (uid === undefined) return user.join(delimiter);
  if (uid === 0)
    return [...SYSTEM_DIRS, ...user.filter((dir) => isAbsolute(dir) && !SYSTEM_DIRS.includes(dir))].join(delimiter);
  return [...user, ...SYSTEM_DIRS.filter((dir) => !user.includes(dir))].join(delimiter);
}

/** The full path of the first executable `command` in `dirs`, searched the way a shell does, or null. */
export function firstExecutable(command: string, dirs: string[]): string | null {
  for (const dir of dirs) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch (error) {
      // Not there or not executable in this folder: the next folder may have it.
      if (!['ENOENT', 'EACCES', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  return null;
}

/** The full path of the first executable `command` on toolPath, or null. */
export function findTool(
  command: string,
  env: NodeJS.ProcessEnv,
  uid: number | undefined = currentUid(),
): string | null {
  if (command.includes('/')) return command;
  return firstExecutable(command, toolPath(env, uid).split(delimiter).filter(Boolean));
}

/**
 * What to hand to spawn/execFile: the resolved full path, or the bare name when nothing was found (the spawn
 * then fails with ENOENT, which callers already turn into "install …"). Windows keeps the bare name, so the
 * system's own lookup (with .exe) applies.
 */
export function toolCommand(command: string, env: NodeJS.ProcessEnv, uid: number | undefined = currentUid()): string {
  if (uid === undefined) return command;
  return findTool(command, env, uid) ?? command;
}
