// Decides whether this machine lets Berth run its own dockerd, and how (as root, or rootless through
// `dockerd-rootless.sh`), with a reason the user can act on when it cannot. Pure over the facts it is given.
import { delimiter } from 'node:path';
import { firstExecutable, toolPath } from '../../tool-path';

export type DockerdMode = 'root' | 'rootless';

export interface DockerdFacts {
  platform: NodeJS.Platform;
  /** The effective user id; undefined where there is none (Windows). */
  uid: number | undefined;
  /** The full path of an executable found on the environment's PATH, or null. */
  which(command: string): string | null;
}

export type DockerdSupport =
  { available: true; mode: DockerdMode; reason: null } | { available: false; mode: null; reason: string };

export const NOT_INSTALLED = 'dockerd is not installed: sudo apt install docker.io';
export const NEEDS_ROOT =
  'Berth needs root or rootless docker (dockerd-rootless-setuptool.sh install) to run its own engine';

export function dockerdSupport(facts: DockerdFacts): DockerdSupport {
  if (facts.platform !== 'linux') {
    return {
      available: false,
      mode: null,
      reason: 'Berth runs its own dockerd on Linux only; on this system it uses an engine in a VM or one you run.',
    };
  }
  const missing = ['dockerd', 'containerd', 'runc'].filter((command) => facts.which(command) === null);
  if (missing.includes('dockerd')) return { available: false, mode: null, reason: NOT_INSTALLED };
  if (missing.length > 0)
    return {
      available: false,
      mode: null,
      reason: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed, which dockerd needs: sudo apt install docker.io`,
    };
  if (facts.uid === 0) return { available: true, mode: 'root', reason: null };
  // The script alone is not enough: it execs rootlesskit, and says so only when it is already running.
  if (facts.which('dockerd-rootless.sh') !== null && facts.which('rootlesskit') !== null)
    return { available: true, mode: 'rootless', reason: null };
  return { available: false, mode: null, reason: NEEDS_ROOT };
}

/** Searches `env.PATH` the way a shell does: the first executable file of that name. */
export function whichIn(env: NodeJS.ProcessEnv): (command: string) => string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return (command) => firstExecutable(command, dirs);
}

export function systemDockerdFacts(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): DockerdFacts {
  // As root the system folders come first (tool-path.ts): the programs found here are the ones run as root.
  return { platform, uid: process.getuid?.(), which: whichIn({ PATH: toolPath(env) }) };
}
