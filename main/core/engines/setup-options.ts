// The first-run page's offer for a machine without an engine, for the detected system: the distribution's
// engine (the exact command), Berth's own dockerd, a Berth VM, or a remote engine over SSH (always offered, by
// the page itself). Pure over the facts it is given; system-facts.ts reads them from this machine.
import type { InstallOffer, SetupOptions } from '../../shared/setup-types';
import { FAMILY_INSTALLS, installCommandLine, installFamily, osReleaseIds } from './install/distro-install';

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
  /** Whether Berth's engine installer can run here (installed, safe, a privilege path); install-facts.ts. */
  installer: InstallOffer;
}

const notCovered =
  "Berth's installer covers Debian, Ubuntu, Fedora, Arch and openSUSE only: run the command yourself in a terminal.";

/** The distribution's engine by os-release ID (or ID_LIKE): the package and the command that starts it; the
 * families Berth's installer covers get its exact command (distro-install.ts), the others a command to copy. */
function distroEngine(osRelease: Record<string, string>, installer: InstallOffer): SetupOptions['distroEngine'] {
  const family = installFamily(osRelease);
  if (family) return { name: FAMILY_INSTALLS[family].name, command: installCommandLine(family), install: installer };
  const ids = osReleaseIds(osRelease);
  const has = (id: string) => ids.includes(id);
  const copyOnly = { available: false as const, reason: notCovered };
  if (has('rhel') || has('centos'))
    return {
      name: 'Podman',
      command: 'sudo dnf install podman && systemctl --user enable --now podman.socket',
      install: copyOnly,
    };
  if (has('alpine'))
    return {
      name: 'Docker',
      command: 'sudo apk add docker && sudo rc-update add docker && sudo service docker start',
      install: copyOnly,
    };
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
    distroEngine: linux ? distroEngine(facts.osRelease, facts.installer) : null,
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
