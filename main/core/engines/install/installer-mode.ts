// Decides whether Berth can run its engine installer (assets/helper/berth-engine-install) for this user and how:
// directly as root, pkexec in a desktop session (polkit's dialog asks for the password, every time), or `sudo -n`
// where a rule lets the user run it without a password (Berth has no terminal to type one into). It finds and
// checks the installer as dockerd/helper-mode.ts does the engine helper (root-owned, in a folder only root can
// change). Also the argv for each launcher and what a failed run means in words the user can act on. Pure over
// the facts it is given (install-facts.ts reads them), so every branch is tested.
import type { InstallOffer } from '../../../shared/setup-types';
import {
  locateProgram,
  privilegedMode,
  sudoersLine,
  type HelperFacts,
  type PrivilegedProgram,
} from '../dockerd/helper-mode';

/** Where Berth looks for the installed installer (the polkit action names the first). */
export const INSTALLER_PATHS = [
  '/usr/local/libexec/berth/berth-engine-install',
  '/usr/libexec/berth/berth-engine-install',
];

/** The polkit action of assets/polkit/dev.berth.engine-install.policy. */
export const INSTALLER_POLKIT_ACTION = 'dev.berth.engine-install';

export const INSTALLER_PROGRAM: PrivilegedProgram = {
  title: "Berth's engine installer",
  short: 'the installer',
  paths: INSTALLER_PATHS,
  install:
    'sudo install -D -o root -g root -m 0755 <Berth>/resources/helper/berth-engine-install /usr/local/libexec/berth/berth-engine-install',
};

/** The line of its own that the script starts each message with. */
const OWN_PREFIX = 'berth-engine-install:';

export interface InstallerFacts extends HelperFacts {
  /** The effective uid: as root Berth runs the installer itself. */
  uid: number | undefined;
  /** `sudo -n -l <path>` succeeds: a rule lets this user run it without a password. */
  sudoAllows(sudo: string, path: string): boolean;
}

export type InstallLauncher = { via: 'pkexec' | 'sudo' | 'root'; command: string; installer: string };

export type InstallerVerdict = { usable: true; launcher: InstallLauncher } | { usable: false; reason: string };

export function installerMode(facts: InstallerFacts): InstallerVerdict {
  if (facts.uid === 0) {
    const located = locateProgram(facts, INSTALLER_PROGRAM);
    if ('reason' in located) return { usable: false, reason: located.reason };
    return { usable: true, launcher: { via: 'root', command: located.path, installer: located.path } };
  }
  const verdict = privilegedMode(facts, INSTALLER_PROGRAM);
  if (!verdict.usable) return verdict;
  const { via, command, helper: installer } = verdict.launcher;
  // Asked beforehand, so the page offers no button that can only fail: sudo -n never prompts.
  if (via === 'sudo' && !facts.sudoAllows(command, installer))
    return {
      usable: false,
      reason: `sudo wants ${facts.user}'s password to run Berth's installer, and Berth has no terminal to type it into. Run the command yourself in a terminal, or allow the installer with this line in /etc/sudoers.d/berth-engine-install (sudo visudo -f /etc/sudoers.d/berth-engine-install): ${sudoersLine(facts.user, installer)} — or start Berth in a desktop session, where pkexec asks for the password.`,
    };
  return { usable: true, launcher: { via, command, installer } };
}

export function installOffer(verdict: InstallerVerdict): InstallOffer {
  return verdict.usable ? { available: true, via: verdict.launcher.via } : { available: false, reason: verdict.reason };
}

export function installerArgv(launcher: InstallLauncher): string[] {
  // The installer takes no arguments; -n: sudo never prompts (there is no terminal).
  if (launcher.via === 'sudo') return ['-n', launcher.installer];
  if (launcher.via === 'pkexec') return [launcher.installer];
  return [];
}

/** What a failed run means, from its exit code and its output (stdout and stderr, in order); pure. */
export function installFailure(launcher: InstallLauncher, user: string, code: number | null, output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const own = lines.filter((line) => line.startsWith(OWN_PREFIX)).at(-1);
  if (own && code === 130) return `The install was cancelled: ${own.slice(OWN_PREFIX.length).trim()}`;
  if (own && code !== 0) return `The install failed: ${own.slice(OWN_PREFIX.length).trim()}`;
  const said = lines.slice(-3).join(' ');
  if (launcher.via === 'sudo' && /password is required|not allowed|may not run|not in the sudoers/i.test(said))
    return `sudo did not let ${user} run Berth's installer without a password (${said}). Allow it with this line in /etc/sudoers.d/berth-engine-install: ${sudoersLine(user, launcher.installer)} — or run the command yourself in a terminal.`;
  if (launcher.via === 'pkexec' && code === 126)
    return `The password dialog was dismissed or refused, so nothing was installed (polkit action ${INSTALLER_POLKIT_ACTION}).`;
  if (launcher.via === 'pkexec' && code === 127)
    return `polkit did not authorize Berth's installer (${said || 'no reason given'}): is a polkit agent running in this session, and is ${INSTALLER_POLKIT_ACTION}.policy installed in /usr/share/polkit-1/actions?`;
  return `The install failed (${launcher.via === 'root' ? launcher.installer : `${launcher.via} ${launcher.installer}`} exited ${code ?? 'on a signal'})${said ? `: ${said}` : ''}`;
}
