// Which distribution family this is (from /etc/os-release) and the one fixed command Berth's engine installer
// (assets/helper/berth-engine-install) runs for it, as the first-run page shows it. The script decides on its
// own as root; this module says the same beforehand, in the same order, and a unit test reads the script to
// keep the two in step. Pure.

export type InstallFamily = 'debian' | 'fedora' | 'arch' | 'suse';

export interface FamilyInstall {
  /** What the first-run page calls the engine. */
  name: string;
  /** The package manager's command, as the installer runs it (root, no shell). */
  install: string[];
}

export const FAMILY_INSTALLS: Record<InstallFamily, FamilyInstall> = {
  debian: { name: 'Docker (docker.io)', install: ['apt-get', 'install', '-y', 'docker.io'] },
  fedora: { name: 'Docker (moby-engine)', install: ['dnf', 'install', '-y', 'moby-engine'] },
  arch: { name: 'Docker', install: ['pacman', '-S', '--noconfirm', 'docker'] },
  suse: { name: 'Docker', install: ['zypper', '--non-interactive', 'install', 'docker'] },
};

/** Run after the install where systemd runs. */
export const SERVICE_START = ['systemctl', 'enable', '--now', 'docker'];

/** os-release's ID and ID_LIKE words. */
export function osReleaseIds(osRelease: Record<string, string>): string[] {
  return [osRelease.ID ?? '', ...(osRelease.ID_LIKE ?? '').split(/\s+/)].filter(Boolean);
}

/** The family the installer would pick, or null where it refuses (the script's `if … elif` order). */
export function installFamily(osRelease: Record<string, string>): InstallFamily | null {
  const ids = osReleaseIds(osRelease);
  const has = (id: string) => ids.includes(id);
  if (has('debian') || has('ubuntu')) return 'debian';
  // Fedora itself; RHEL and its rebuilds say "fedora" in ID_LIKE but have no moby-engine package.
  if (has('fedora') && !has('rhel') && !has('centos')) return 'fedora';
  if (has('arch')) return 'arch';
  if (has('opensuse') || has('suse')) return 'suse';
  return null;
}

/** The exact command line to type in a terminal: the install, then the service where systemd runs. */
export function installCommandLine(family: InstallFamily): string {
  return `sudo ${FAMILY_INSTALLS[family].install.join(' ')} && sudo ${SERVICE_START.join(' ')}`;
}
