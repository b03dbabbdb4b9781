// Decides whether this machine lets Berth run its own dockerd, and how (as root; for a normal user rootless
// through `dockerd-rootless.sh`, or as root through Berth's privileged helper), with a reason the user can act
// on when it cannot. Pure over the facts it is given.
import { delimiter } from 'node:path';
import type { OwnedRunAs } from '../../../shared/engine-manager-types';
import { firstExecutable, toolPath } from '../../tool-path';
import { systemHelperFacts } from './helper-facts';
import { helperMode, helperNote, type HelperLauncher, type HelperVerdict } from './helper-mode';
import { DOCKER_CONTRIB_DIR, systemRootlessFacts } from './rootless-facts';
import { rootlessMode, type RootlessVerdict } from './rootless-mode';

export type DockerdMode = 'root' | 'rootless' | 'helper';

export interface DockerdFacts {
  platform: NodeJS.Platform;
  /** The effective user id; undefined where there is none (Windows). */
  uid: number | undefined;
  /** The full path of an executable found on the environment's PATH, or null. */
  which(command: string): string | null;
  /** Whether and how the engine can run rootless for this user; asked only when not root. */
  rootless(): RootlessVerdict;
  /** Whether and how Berth's privileged helper can run the engine for this user; asked only when not root. */
  helper(): HelperVerdict;
}

export type DockerdSupport =
  | {
      available: true;
      mode: DockerdMode;
      reason: null;
      /** How it runs and what that means, for the Engine page. */ note: string;
      /** Whether CPU/memory/pids limits take effect on its containers (rootless: only with cgroup v2 delegation). */
      limits: boolean;
      /** Helper mode: how Berth calls the helper (pkexec or sudo). */
      launcher?: HelperLauncher;
    }
  | { available: false; mode: null; reason: string; note: null; limits: null };

export const NOT_INSTALLED = 'dockerd is not installed: sudo apt install docker.io';
export const ROOT_NOTE =
  'Berth runs as root, so its engine does too, as the system docker does; container limits work.';

function unavailable(reason: string): DockerdSupport {
  return { available: false, mode: null, reason, note: null, limits: null };
}

function asRootless(note: string, limits: boolean): DockerdSupport {
  return { available: true, mode: 'rootless', reason: null, note, limits };
}

function viaHelper(launcher: HelperLauncher, why: string): DockerdSupport {
  return { available: true, mode: 'helper', reason: null, note: helperNote(launcher, why), limits: true, launcher };
}

/**
 * How a normal user's engine runs. Rootless is the default where its containers' limits work (cgroup v2 with
 * delegation); where they do not, or where rootless cannot run, the helper when it is installed; `runAs` (the
 * engine's setting) picks one outright.
 */
function userMode(facts: DockerdFacts, runAs: OwnedRunAs): DockerdSupport {
  if (runAs === 'helper') {
    const helper = facts.helper();
    return helper.usable
      ? viaHelper(helper.launcher, 'You chose the helper for this engine.')
      : unavailable(helper.reason);
  }
  const rootless = facts.rootless();
  if (runAs === 'rootless')
    return rootless.usable ? asRootless(rootless.note, rootless.limits) : unavailable(rootless.reason);
  if (rootless.usable && rootless.limits) return asRootless(rootless.note, true);
  const helper = facts.helper();
  if (helper.usable)
    return viaHelper(
      helper.launcher,
      rootless.usable
        ? 'Berth chose it over rootless, whose containers get no limits on this machine.'
        : `Berth chose it because rootless cannot run here: ${rootless.reason}`,
    );
  if (rootless.usable)
    return asRootless(
      `${rootless.note} Berth's privileged helper would run a root engine whose limits work. ${helper.reason}`,
      false,
    );
  return unavailable(`${rootless.reason} Or let Berth's privileged helper run a root engine for you. ${helper.reason}`);
}

export function dockerdSupport(facts: DockerdFacts, runAs: OwnedRunAs = 'auto'): DockerdSupport {
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
  return userMode(facts, runAs);
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
  return {
    platform,
    uid: process.getuid?.(),
    which,
    rootless: () => rootlessMode(systemRootlessFacts(which)),
    helper: () => helperMode(systemHelperFacts(env, which)),
  };
}
