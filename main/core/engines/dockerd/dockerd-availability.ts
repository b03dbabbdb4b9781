// Decides whether this machine lets Berth run its own dockerd, and how (as root, or rootless through
// `dockerd-rootless.sh`), with a reason the user can act on when it cannot. Pure over the facts it is given.
import { delimiter } from 'node:path';
import { firstExecutable, toolPath } from '../../tool-path';
import { DOCKER_CONTRIB_DIR, systemRootlessFacts } from './rootless-facts';
import { rootlessMode, type RootlessVerdict } from './rootless-mode';

export type DockerdMode = 'root' | 'rootless';

export interface DockerdFacts {
  platform: NodeJS.Platform;
  /** The effective user id; undefined where there is none (Windows). */
  uid: number | undefined;
  /** The full path of an executable found on the environment's PATH, or null. */
  which(command: string): string | null;
  /** Whether and how the engine can run rootless for this user; asked only when not root. */
  rootless(): RootlessVerdict;
}

export type DockerdSupport =
  | {
      available: true;
      mode: DockerdMode;
      reason: null;
      /** How it runs and what that means, for the Engine page. */ note: string;
      /** Whether CPU/memory/pids limits take effect on its containers (rootless: only with cgroup v2 delegation). */
      limits: boolean;
    }
  | { available: false; mode: null; reason: string; note: null; limits: null };

export const NOT_INSTALLED = 'dockerd is not installed: sudo apt install docker.io';
export const ROOT_NOTE =
  'Berth runs as root, so its engine does too, as the system docker does; container limits work.';

export function dockerdSupport(facts: DockerdFacts): DockerdSupport {
  if (facts.platform !== 'linux') {
    return {
      available: false,
      mode: null,
      note: null,
      limits: null,
      reason: 'Berth runs its own dockerd on Linux only; on this system it uses an engine in a VM or one you run.',
    };
  }
  const missing = ['dockerd', 'containerd', 'runc'].filter((command) => facts.which(command) === null);
  if (missing.includes('dockerd'))
    return { available: false, mode: null, reason: NOT_INSTALLED, note: null, limits: null };
  if (missing.length > 0)
    return {
      available: false,
      mode: null,
      note: null,
      limits: null,
      reason: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed, which dockerd needs: sudo apt install docker.io`,
    };
  if (facts.uid === 0) return { available: true, mode: 'root', reason: null, note: ROOT_NOTE, limits: true };
  // A normal user's engine runs rootless; the privileged helper (the other way) is not asked for here.
  const rootless = facts.rootless();
  if (!rootless.usable) return { available: false, mode: null, reason: rootless.reason, note: null, limits: null };
  return { available: true, mode: 'rootless', reason: null, note: rootless.note, limits: rootless.limits };
}

/** Searches `env.PATH` the way a shell does: the first executable file of that name. */
export function whichIn(env: NodeJS.ProcessEnv): (command: string) => string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return (command) => firstExecutable(command, dirs);
}

export function systemDockerdFacts(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): DockerdFacts {
  // As root the system folders come first (tool-path.ts): the programs found here are the ones run as root.
  // dockerd-rootless.sh lives in docker.io's contrib folder, on no PATH.
  const which = whichIn({ PATH: `${toolPath(env)}${delimiter}${DOCKER_CONTRIB_DIR}` });
  return { platform, uid: process.getuid?.(), which, rootless: () => rootlessMode(systemRootlessFacts(which)) };
}
