// The first-run page's offer for a machine without an engine, for the detected system: the distribution's
// engine (the exact command), Berth's own dockerd, a Berth VM, or a remote engine over SSH (always offered, by
// the page itself). Pure over the facts it is given; system-facts.ts reads them from this machine.
import type { SetupOptions } from '../../shared/setup-types';

export interface SetupFacts {
  platform: NodeJS.Platform;
  /** /etc/os-release as key → value (ID, ID_LIKE, PRETTY_NAME); empty where there is none. */
  osRelease: Record<string, string>;
  berthEngine: { available: boolean; reason: string | null };
  /** The QEMU binary for this machine, when installed. */
  qemu: string | null;
  qemuPackage: string;
  /** Where the VM image is (built, shipped or downloaded), or null with why it is not there. */
  vmImage: { ready: true } | { ready: false; reason: string };
}

const systemdStart = 'sudo systemctl enable --now docker';

/** The distribution's engine by os-release ID (or ID_LIKE): the package and the command that starts it. */
function distroEngine(osRelease: Record<string, string>): SetupOptions['distroEngine'] {
  const ids = [osRelease.ID ?? '', ...(osRelease.ID_LIKE ?? '').split(/\s+/)].filter(Boolean);
  const has = (id: string) => ids.includes(id);
  if (has('debian') || has('ubuntu'))
    return { name: 'Docker (docker.io)', command: `sudo apt install docker.io && ${systemdStart}` };
  if (has('fedora') || has('rhel') || has('centos'))
    return { name: 'Podman', command: 'sudo dnf install podman && systemctl --user enable --now podman.socket' };
  if (has('arch')) return { name: 'Docker', command: `sudo pacman -S docker && ${systemdStart}` };
  if (has('opensuse') || has('suse'))
    return { name: 'Docker', command: `sudo zypper install docker && ${systemdStart}` };
  if (has('alpine'))
    return { name: 'Docker', command: 'sudo apk add docker && sudo rc-update add docker && sudo service docker start' };
  return null;
}

export function setupOptions(facts: SetupFacts): SetupOptions {
  const systemName =
    facts.platform === 'darwin'
      ? 'macOS'
      : facts.platform === 'win32'
        ? 'Windows'
        : (facts.osRelease.PRETTY_NAME ?? (facts.platform === 'linux' ? 'Linux' : null));
  const linux = facts.platform === 'linux';
  return {
    systemName,
    distroEngine: linux ? distroEngine(facts.osRelease) : null,
    berthEngine: facts.berthEngine,
    vm: {
      available: (facts.qemu !== null || !linux) && facts.vmImage.ready,
      needs:
        [
          facts.qemu === null && linux ? `QEMU (sudo apt install ${facts.qemuPackage})` : null,
          facts.vmImage.ready ? null : facts.vmImage.reason,
        ]
          .filter(Boolean)
          .join('; ') || null,
      firstStart:
        'Its first start boots a small Debian in about half a minute with software emulation, a few seconds with KVM; later starts resume in about a second.',
    },
  };
}

/** Parses /etc/os-release's KEY=value lines (values may be quoted). */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return fields;
}
