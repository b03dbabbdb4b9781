// Decides whether Berth's own engine can run through the privileged helper (assets/helper/berth-engine-helper)
// for this user, and how to call it: pkexec in a desktop session (polkit asks for the password in a dialog),
// else `sudo -n` (a terminal, a NOPASSWD rule). Also the helper's fixed paths for a uid, which the script
// derives the same way. The finding, safety check and launcher choice (privilegedMode) also serve the engine
// installer (install/installer-mode.ts). Pure over the facts it is given (helper-facts.ts reads them), so every
// branch is tested.

/** Where Berth looks for the installed helper (the polkit action and the README's sudoers line name the first). */
export const HELPER_PATHS = ['/usr/local/libexec/berth/berth-engine-helper', '/usr/libexec/berth/berth-engine-helper'];

/** The polkit action of assets/polkit/dev.berth.engine-helper.policy. */
export const HELPER_POLKIT_ACTION = 'dev.berth.engine-helper';

export const HELPER_INSTALL =
  'sudo install -D -o root -g root -m 0755 <Berth>/resources/helper/berth-engine-helper /usr/local/libexec/berth/berth-engine-helper';

export function sudoersLine(user: string, helper: string): string {
  return `${user} ALL=(root) NOPASSWD: ${helper}`;
}

export interface HelperLayout {
  socketPath: string;
  host: string;
  /** dockerd's pidfile, readable by the user: Berth watches the pid to see the engine end. */
  pidfile: string;
  dockerdLog: string;
  containerdLog: string;
  /** Root's: Berth cannot delete them itself. */
  dataDir: string;
}

export function helperLayout(uid: number): HelperLayout {
  const run = `/run/berth-engine/${uid}`;
  const lib = `/var/lib/berth-engine/${uid}`;
  return {
    socketPath: `${run}/docker.sock`,
    host: `unix://${run}/docker.sock`,
    pidfile: `${run}/dockerd.pid`,
    dockerdLog: `${lib}/dockerd.log`,
    containerdLog: `${lib}/containerd.log`,
    dataDir: lib,
  };
}

/** What lstat says of the helper and of its folder; null where it does not exist. */
export interface FileFacts {
  uid: number;
  mode: number;
  isFile: boolean;
  isDirectory: boolean;
}

export interface HelperFacts {
  user: string;
  /** BERTH_ENGINE_HELPER, when set (a test, a custom install): the only path then looked at. */
  override: string | null;
  stat(path: string): FileFacts | null;
  which(command: string): string | null;
  /** DISPLAY or WAYLAND_DISPLAY is set: polkit's agent can ask for the password in a dialog. */
  desktop: boolean;
}

export type HelperLauncher = { via: 'pkexec' | 'sudo'; command: string; helper: string };

export type HelperVerdict = { usable: true; launcher: HelperLauncher } | { usable: false; reason: string };

/** Why a root-run program at `path` (or its folder) could be changed by a normal user; null when it cannot. */
function unsafe(path: string, file: FileFacts, folder: FileFacts | null): string | null {
  if (file.uid !== 0) return `${path} is not owned by root`;
  if ((file.mode & 0o022) !== 0)
    return `${path} can be changed by others than root (mode ${(file.mode & 0o777).toString(8)})`;
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!folder || folder.uid !== 0 || (folder.mode & 0o022) !== 0)
    return `its folder ${dir} can be changed by others than root`;
  return null;
}

/** A root-run program of Berth's that an administrator installs: the engine helper, or the engine installer. */
export interface PrivilegedProgram {
  /** How messages name it: "Berth's privileged helper". */
  title: string;
  /** How a sentence names it after the first time: "the helper". */
  short: string;
  /** Where it is looked for when no override is set, the first the one its polkit action names. */
  paths: string[];
  /** The command that installs it there. */
  install: string;
}

export const HELPER_PROGRAM: PrivilegedProgram = {
  title: "Berth's privileged helper",
  short: 'the helper',
  paths: HELPER_PATHS,
  install: HELPER_INSTALL,
};

/** The installed program, checked that only root can change it (or its folder); else why not. */
export function locateProgram(
  facts: Pick<HelperFacts, 'override' | 'stat'>,
  program: PrivilegedProgram,
): { path: string } | { reason: string } {
  const candidates = facts.override ? [facts.override] : program.paths;
  const path = candidates.find((candidate) => facts.stat(candidate)?.isFile);
  if (!path) return { reason: `${program.title} is not installed (${candidates.join(' or ')}): ${program.install}` };
  const problem = unsafe(path, facts.stat(path)!, facts.stat(path.slice(0, path.lastIndexOf('/')) || '/'));
  if (problem)
    return {
      reason: `Berth will not run ${program.short} as root: ${problem}, so another user could change what runs as root. Reinstall it: ${program.install}`,
    };
  return { path };
}

/** pkexec in a desktop session, else sudo; else why neither can run the program. */
export function privilegedMode(facts: HelperFacts, program: PrivilegedProgram): HelperVerdict {
  const located = locateProgram(facts, program);
  if ('reason' in located) return { usable: false, reason: located.reason };
  const helper = located.path;
  const pkexec = facts.which('pkexec');
  if (facts.desktop && pkexec) return { usable: true, launcher: { via: 'pkexec', command: pkexec, helper } };
  const sudo = facts.which('sudo');
  if (sudo) return { usable: true, launcher: { via: 'sudo', command: sudo, helper } };
  const its = program.short.replace(/^the /, 'its ');
  return {
    usable: false,
    reason: `Berth runs ${its} through pkexec in a desktop session or sudo in a terminal, and ${facts.desktop ? 'neither pkexec nor sudo is installed: sudo apt install pkexec' : 'this session has no display for pkexec and sudo is not installed: apt install sudo'}`,
  };
}

export function helperMode(facts: HelperFacts): HelperVerdict {
  return privilegedMode(facts, HELPER_PROGRAM);
}

export function helperNote(launcher: HelperLauncher, why: string): string {
  return `A root dockerd that Berth's privileged helper (${launcher.helper}, through ${launcher.via}) starts and stops for you, with its own bridge and folders; container limits work. Its socket belongs to your own group, so whoever can use it is root on this computer, as with the docker group. ${why}`;
}
