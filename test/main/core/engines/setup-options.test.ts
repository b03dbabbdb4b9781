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
  ...over,
});

describe('first-run setup options', () => {
  it('offers Debian’s own engine with the exact command, and says why Berth cannot run its own', () => {
    const options = setupOptions(facts());
    expect(options.systemName).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(options.distroEngine).toEqual({
      name: 'Docker (docker.io)',
      command: 'sudo apt install docker.io && sudo systemctl enable --now docker',
    });
    expect(options.berthEngine).toEqual({ available: false, reason: expect.stringContaining('docker.io') });
    expect(options.vm).toMatchObject({ available: true, needs: null });
  });

  it('follows ID_LIKE (Ubuntu derivatives, Fedora’s family) and offers none for an unknown one', () => {
    expect(setupOptions(facts({ osRelease: { ID: 'pop', ID_LIKE: 'ubuntu debian' } })).distroEngine?.command).toMatch(
      /^sudo apt install docker.io/,
    );
    expect(setupOptions(facts({ osRelease: { ID: 'rocky', ID_LIKE: 'rhel centos fedora' } })).distroEngine?.name).toBe(
      'Podman',
    );
    expect(setupOptions(facts({ osRelease: { ID: 'gentoo' } })).distroEngine).toBeNull();
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
