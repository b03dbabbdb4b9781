// Whether a host path lies in a host folder, compared the way the host's file system names files: the one
// compare behind every "is this bind mount in the VM's shared folders?" (Berth's run path, the docker CLI's
// proxy in engines/vm/host-socket.ts) and the shared folders setting's own checks. Windows names one folder
// `C:\Users\me`, `c:/users/me`, `/c/Users/me` (Git Bash, Docker's own spelling) and `/mnt/c/Users/me` (WSL), and
// compares names without case; macOS's default file system (APFS, case-insensitive) does too. Pure string work,
// so the renderer can use it.
import { isWslMountPath } from './wsl-path';

/** Node's `process.platform` of the host: `win32` and `darwin` differ; anything else is POSIX. */
export type HostPlatform = string;

function foldsCase(platform: HostPlatform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/** `/c/x`, `/mnt/c/x` and `//c/x` as `c:/x`: the Windows spellings of a drive that start with a slash. */
function windowsDrivePath(path: string): string | null {
  const drive = /^[A-Za-z]:[\\/]/.test(path) || /^[A-Za-z]:$/.test(path) ? path : null;
  if (drive) return drive;
  if (isWslMountPath(path)) return `${path[5]}:/${path.slice(7)}`;
  const slashed = /^\/\/?([A-Za-z])(\/.*)?$/.exec(path);
  return slashed ? `${slashed[1]}:/${slashed[2] ?? ''}` : null;
}

/**
 * An absolute host path as its segments, the first being the root (`/` or a drive such as `c:`), with `.`, `..`
 * and repeated separators resolved and case folded where the platform ignores it; null when not absolute.
 */
export function hostPathSegments(path: string, platform: HostPlatform): string[] | null {
  let root: string;
  let rest: string;
  if (platform === 'win32') {
    const drivePath = windowsDrivePath(path.trim());
    if (!drivePath) return null;
    root = drivePath.slice(0, 2).toLowerCase();
    rest = drivePath.slice(2);
  } else {
    if (!path.startsWith('/')) return null;
    root = '/';
    rest = path;
  }
  const segments = [root];
  for (const part of rest.split(platform === 'win32' ? /[\\/]+/ : /\/+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length > 1) segments.pop();
      continue;
    }
    segments.push(foldsCase(platform) ? part.toLowerCase() : part);
  }
  return segments;
}

/** Whether `path` is `folder` or lies below it; false when either is not an absolute path. */
export function isInsideHostFolder(path: string, folder: string, platform: HostPlatform): boolean {
  const target = hostPathSegments(path, platform);
  const base = hostPathSegments(folder, platform);
  if (!target || !base || base.length > target.length) return false;
  return base.every((segment, index) => segment === target[index]);
}

/** Whether `path` lies in one of `folders`. */
export function isInAnyHostFolder(path: string, folders: readonly string[], platform: HostPlatform): boolean {
  return folders.some((folder) => isInsideHostFolder(path, folder, platform));
}
