// The shared folders' defaults per platform, their QEMU options (virtio-9p) and the guest's mount command.
import { describe, expect, it } from 'vitest';
import { qemuArgs, type QemuInputs } from '../../../../../main/core/engines/vm/qemu-args';
import {
  defaultSharedFolders,
  guestPathOf,
  mountCommand,
  sharedFoldersOf,
  unmountCommand,
  virtfsArgs,
} from '../../../../../main/core/engines/vm/shared-folders';
import { newVmConfig } from '../../../../../main/core/engines/vm/vm-config';

const inputs: QemuInputs = {
  arch: 'x86_64',
  accel: 'tcg',
  cpus: 2,
  memoryMiB: 2048,
  kernel: '/img/vmlinux',
  initrd: '/img/initrd',
  osDisk: '/data/os.img',
  dataDisk: '/data/data.img',
  authorizedKeysFile: '/data/id.pub',
  sshPort: 40022,
  qmpSocket: '/run/qmp.sock',
  serialLog: '/data/serial.log',
};

describe('shared folders', () => {
  it("default to the user's home: $HOME on Linux, /Users on macOS, the profile on Windows", () => {
    expect(defaultSharedFolders({ HOME: '/home/me' }, 'linux')).toEqual(['/home/me']);
    expect(defaultSharedFolders({ HOME: '/Users/me' }, 'darwin')).toEqual(['/Users']);
    expect(defaultSharedFolders({ USERPROFILE: 'C:\\Users\\me' }, 'win32')).toEqual(['C:\\Users\\me']);
  });

  it("are the engine's setting when it has one, an empty list included", () => {
    const config = newVmConfig({ name: 'dev' });
    expect(sharedFoldersOf(config, { HOME: '/home/me' })).toEqual(defaultSharedFolders({ HOME: '/home/me' }));
    expect(sharedFoldersOf({ ...config, sharedFolders: ['/srv/a', '/srv/b'] }, {})).toEqual(['/srv/a', '/srv/b']);
    expect(sharedFoldersOf({ ...config, sharedFolders: [] }, { HOME: '/home/me' })).toEqual([]);
  });

  it('export each folder over virtio-9p with its own tag, security_model=none, commas escaped', () => {
    expect(virtfsArgs(['/home/me', '/srv/a,b'])).toEqual([
      '-virtfs',
      'local,path=/home/me,mount_tag=berth0,security_model=none,id=berth0',
      '-virtfs',
      'local,path=/srv/a,,b,mount_tag=berth1,security_model=none,id=berth1',
    ]);
  });

  it('reach the QEMU command line only when there are some', () => {
    expect(qemuArgs(inputs)).not.toContain('-virtfs');
    const args = qemuArgs({ ...inputs, shareArgs: virtfsArgs(['/home/me']) });
    expect(args[args.indexOf('-virtfs') + 1]).toContain('path=/home/me,mount_tag=berth0');
  });

  it('are mounted in the guest at the same path, quoted, each only once', () => {
    const command = mountCommand(['/home/me', "/srv/it's"]);
    expect(command.startsWith('modprobe 9pnet_virtio && ')).toBe(true);
    expect(command).toContain(
      "{ mountpoint -q '/home/me' || { mkdir -p '/home/me' && mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 berth0 '/home/me'; }; }",
    );
    expect(command).toContain(`berth1 '/srv/it'\\''s'`);
  });

  it('are unmounted before a save, each only when mounted, quoted', () => {
    expect(unmountCommand(['/home/me', "/srv/it's"])).toBe(
      "{ ! mountpoint -q '/home/me' || umount '/home/me'; } && { ! mountpoint -q '/srv/it'\\''s' || umount '/srv/it'\\''s'; }",
    );
  });

  it('are mounted with virtiofs when that is what QEMU got', () => {
    const command = mountCommand(['/home/me'], 'virtiofs');
    expect(command).toBe(
      "modprobe virtiofs && { mountpoint -q '/home/me' || { mkdir -p '/home/me' && mount -t virtiofs berth0 '/home/me'; }; }",
    );
  });

  it('keep POSIX paths and give a Windows path its POSIX spelling in the guest', () => {
    expect(guestPathOf('/home/me')).toBe('/home/me');
    expect(guestPathOf('C:\\Users\\me')).toBe('/c/Users/me');
  });
});
