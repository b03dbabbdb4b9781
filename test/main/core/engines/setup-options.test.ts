import { describe, expect, it } from 'vitest';
import { parseOsRelease, setupOptions, type SetupFacts } from '../../../../main/core/engines/setup-options';

const debian = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n');
const facts = (over: Partial<SetupFacts> = {}): SetupFacts => ({
  platform: 'linux',
  osRelease: debian,
  berthEngine: { available: false, reason: 'dockerd is not installed: sudo apt install docker.io' },
  qemu: '/usr/bin/qemu-system-x86_64',
  qemuPackage: 'qemu-system-x86',
  vmImage: { ready: true },
  installer: { available: true, via: 'pkexec' },
  ...over,
});

describe('first-run setup options', () => {
  it('offers Debian’s own engine with the exact command, and says why Berth cannot run its own', () => {
    const options = setupOptions(facts());
    expect(options.systemName).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(options.distroEngine).toEqual({
      name: 'Docker (docker.io)',
      command: 'sudo apt-get install -y docker.io && sudo systemctl enable --now docker',
      install: { available: true, via: 'pkexec' },
    });
    expect(options.berthEngine).toEqual({ available: false, reason: expect.stringContaining('docker.io') });
    expect(options.vm).toMatchObject({ available: true, needs: null });
  });

  it('follows ID_LIKE (Ubuntu derivatives, Fedora’s family) and offers none for an unknown one', () => {
    expect(setupOptions(facts({ osRelease: { ID: 'pop', ID_LIKE: 'ubuntu debian' } })).distroEngine?.command).toMatch(
      /^sudo apt-get install -y docker.io/,
    );
    expect(setupOptions(facts({ osRelease: { ID: 'fedora' } })).distroEngine).toMatchObject({
      name: 'Docker (moby-engine)',
      command: 'sudo dnf install -y moby-engine && sudo systemctl enable --now docker',
      install: { available: true },
    });
    // RHEL's kin: Podman, a command to copy (the installer does not cover them), whatever the privilege path.
    expect(setupOptions(facts({ osRelease: { ID: 'rocky', ID_LIKE: 'rhel centos fedora' } })).distroEngine).toEqual({
      name: 'Podman',
      command: 'sudo dnf install podman && systemctl --user enable --now podman.socket',
      install: { available: false, reason: expect.stringContaining('run the command yourself in a terminal') },
    });
    expect(setupOptions(facts({ osRelease: { ID: 'gentoo' } })).distroEngine).toBeNull();
  });

  it('passes on why the installer cannot run, for the page to show instead of a button', () => {
    const installer = { available: false as const, reason: 'sudo wants ann’s password' };
    expect(setupOptions(facts({ installer })).distroEngine?.install).toEqual(installer);
  });

  it('says what a VM needs when QEMU or the image is missing', () => {
    const options = setupOptions(
      facts({ qemu: null, vmImage: { ready: false, reason: 'No VM image: npm run vm:image' } }),
    );
    expect(options.vm.available).toBe(false);
    expect(options.vm.needs).toBe('QEMU (sudo apt install qemu-system-x86); No VM image: npm run vm:image');
  });

  it('offers no distribution package on macOS or Windows', () => {
    expect(setupOptions(facts({ platform: 'darwin', osRelease: {} }))).toMatchObject({
      systemName: 'macOS',
      distroEngine: null,
    });
  });
});
