// wsl.exe's command lines, checked against Microsoft's command reference (basic-commands.md, release notes).
import { describe, expect, it } from 'vitest';
import {
  WSL_ENV,
  wslAuthorizeKeyCommand,
  wslDistroName,
  wslImportArgs,
  wslListArgs,
  wslRunArgs,
  wslStartCommand,
  wslTerminateArgs,
  wslUnregisterArgs,
} from '../../../../../../main/core/engines/vm/backend/wsl-args';

describe('wsl.exe arguments', () => {
  it('imports the rootfs tarball as a WSL 2 distribution into the engine folder', () => {
    expect(
      wslImportArgs('berth-dev', 'C:\\Users\\me\\AppData\\Local\\berth\\vms\\dev', 'C:\\cache\\rootfs.tar.gz'),
    ).toEqual([
      '--import',
      'berth-dev',
      'C:\\Users\\me\\AppData\\Local\\berth\\vms\\dev',
      'C:\\cache\\rootfs.tar.gz',
      '--version',
      '2',
    ]);
    expect(wslDistroName('dev')).toBe('berth-dev');
  });

  it('runs commands as root without a shell, from /', () => {
    expect(wslRunArgs('berth-dev', wslStartCommand(41022))).toEqual([
      '--distribution',
      'berth-dev',
      '--user',
      'root',
      '--cd',
      '/',
      '--exec',
      '/usr/local/sbin/berth-wsl-start',
      '--ssh-port',
      '41022',
    ]);
    expect(wslAuthorizeKeyCommand().slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(wslAuthorizeKeyCommand()[2]).toContain('cat > /root/.ssh/authorized_keys');
  });

  it('terminates, lists and unregisters by name, and asks for UTF-8 output', () => {
    expect(wslTerminateArgs('berth-dev')).toEqual(['--terminate', 'berth-dev']);
    expect(wslListArgs()).toEqual(['--list', '--verbose']);
    expect(wslUnregisterArgs('berth-dev')).toEqual(['--unregister', 'berth-dev']);
    expect(WSL_ENV).toEqual({ WSL_UTF8: '1' });
  });
});
