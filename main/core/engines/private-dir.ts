// Owns the check on the folders Berth keeps its sockets and pidfiles in (a Berth engine's or a VM's runtime
// folder, and the base they live under). Anyone who can write there can swap a socket for their own or point
// Berth's pidfile at another process; under /tmp another user can even create the folder first. So a folder
// is created 0700, and an existing one is used only when it is a real directory owned by this user and not
// writable by group or others; otherwise Berth refuses with what to do.
import { lstat, mkdir } from 'node:fs/promises';
import { BerthError } from '../../shared/errors';

/** Why `dir` must not hold Berth's sockets, or null when it is fine. Pure over what lstat says. */
export function privateDirProblem(
  dir: string,
  facts: { isDirectory: boolean; isSymlink: boolean; uid: number; mode: number },
  ownUid: number,
): string | null {
  if (facts.isSymlink) return `${dir} is a symbolic link`;
  if (!facts.isDirectory) return `${dir} is not a folder`;
  if (facts.uid !== ownUid) return `${dir} belongs to another user (uid ${facts.uid})`;
  if ((facts.mode & 0o022) !== 0)
    return `${dir} can be written by ${(facts.mode & 0o002) !== 0 ? 'every user' : 'its group'} (mode ${(facts.mode & 0o777).toString(8)})`;
  return null;
}

/** Creates `dir` (and missing parents) with mode 0700, or checks the existing one; throws a BerthError when unsafe. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stats = await lstat(dir);
  const ownUid = process.getuid?.();
  // Windows has no uids or modes; its folders are checked by ACLs Berth does not set up.
  if (ownUid === undefined) return;
  const problem = privateDirProblem(
    dir,
    { isDirectory: stats.isDirectory(), isSymlink: stats.isSymbolicLink(), uid: stats.uid, mode: stats.mode },
    ownUid,
  );
  if (problem) {
    throw new BerthError(
      'CONFLICT',
      `Berth will not keep its engine's sockets in ${dir}: ${problem}, so another user could replace them. Remove that folder (or make it yours, mode 0700), or set BERTH_RUNTIME_DIR to a folder only you can write.`,
    );
  }
}
