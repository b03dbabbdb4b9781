// Reads what rootless-mode.ts decides on from this machine: the user, the subordinate id files, whether user
// namespaces are on, whether /dev/net/tun opens, and the cgroup version with the controllers delegated to the
// user (systemd's user@<uid>.service, else the cgroup this process runs in).
import { accessSync, constants, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { RootlessFacts } from './rootless-mode';

/** Debian's docker.io ships dockerd-rootless.sh here, off every PATH. */
export const DOCKER_CONTRIB_DIR = '/usr/share/docker.io/contrib';

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    // Absent or unreadable: the verdict says what is missing, which is what the user can act on.
    if (!['ENOENT', 'EACCES', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return null;
  }
}

function canOpen(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    // EACCES or ENOENT: either way slirp4netns will not get a tap device, which the verdict says.
    return false;
  }
}

/** The cgroup v2 path of this process (the `0::` line), or null on a cgroup v1 host. */
function ownCgroup(): string | null {
  const line = (readOrNull('/proc/self/cgroup') ?? '').split('\n').find((entry) => entry.startsWith('0::'));
  return line ? line.slice(3) : null;
}

function cgroupFacts(uid: number): RootlessFacts['cgroup'] {
  // cgroup v2 alone (unified) has cgroup.controllers at the root; a hybrid v1 host does not.
  if (readOrNull('/sys/fs/cgroup/cgroup.controllers') === null) return { version: 1 };
  const candidates = [`/sys/fs/cgroup/user.slice/user-${uid}.slice/user@${uid}.service/cgroup.controllers`];
  const own = ownCgroup();
  if (own) candidates.push(`/sys/fs/cgroup${own}/cgroup.controllers`);
  for (const path of candidates) {
    const controllers = readOrNull(path);
    if (controllers !== null) return { version: 2, delegated: controllers.trim().split(/\s+/).filter(Boolean) };
  }
  return { version: 2, delegated: [] };
}

export function systemRootlessFacts(which: (command: string) => string | null): RootlessFacts {
  const uid = process.getuid?.() ?? -1;
  const maxNamespaces = Number((readOrNull('/proc/sys/user/max_user_namespaces') ?? '1').trim());
  return {
    uid,
    user: userInfo().username,
    which,
    subuid: readOrNull('/etc/subuid'),
    subgid: readOrNull('/etc/subgid'),
    userNamespaces: maxNamespaces > 0,
    tunUsable: canOpen('/dev/net/tun'),
    cgroup: cgroupFacts(uid),
  };
}
