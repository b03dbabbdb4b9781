// vfkit's command line, checked against its documented options (crc-org/vfkit doc/usage.md at b2bc27e5).
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VSOCK_PORT,
  SSH_VSOCK_PORT,
  vfkitArgs,
  vfkitKernelCommandLine,
  type VfkitInputs,
} from '../../../../../../main/core/engines/vm/backend/vfkit-args';

const inputs: VfkitInputs = {
  cpus: 2,
  memoryMiB: 2048,
  kernel: '/img/Image',
  initrd: '/img/initrd',
  osDisk: '/Users/me/Library/berth/os.img',
  dataDisk: '/Users/me/Library/berth/data.img',
  serialLog: '/Users/me/Library/berth/serial.log',
  restSocket: '/tmp/berth/vfkit.sock',
  engineSocket: '/tmp/berth/engine.sock',
  sshSocket: '/tmp/berth/ssh.sock',
  sharedFolders: ['/Users', '/Volumes/src'],
  mac: '5a:94:ef:e4:0c:ef',
};

function after(args: string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]] : []));
}

describe('vfkitArgs', () => {
  it('gives CPUs and memory in MiB, and boots the kernel directly with the command line in double quotes', () => {
    const args = vfkitArgs(inputs);
    expect(after(args, '--cpus')).toEqual(['2']);
    expect(after(args, '--memory')).toEqual(['2048']);
    expect(after(args, '--bootloader')).toEqual([
      `linux,kernel=/img/Image,initrd=/img/initrd,cmdline="${vfkitKernelCommandLine()}"`,
    ]);
  });

  it('puts the console on hvc0 and tells the guest it runs under vfkit', () => {
    const cmdline = vfkitKernelCommandLine().split(' ');
    expect(cmdline[0]).toBe('console=hvc0');
    expect(cmdline.filter((arg) => arg.startsWith('console='))).toEqual(['console=hvc0']);
    expect(cmdline).toContain('berth.backend=vfkit');
    expect(cmdline).toContain('root=/dev/vda');
  });

  it('attaches the OS disk then the data disk, NAT with a fixed MAC, rng, balloon and the console log', () => {
    expect(after(vfkitArgs(inputs), '--device').slice(0, 6)).toEqual([
      'virtio-blk,path=/Users/me/Library/berth/os.img',
      'virtio-blk,path=/Users/me/Library/berth/data.img',
      'virtio-net,nat,mac=5a:94:ef:e4:0c:ef',
      'virtio-rng',
      'virtio-balloon',
      'virtio-serial,logFilePath=/Users/me/Library/berth/serial.log',
    ]);
    expect(after(vfkitArgs({ ...inputs, mac: undefined }), '--device')).toContain('virtio-net,nat');
  });

  it('carries the engine and SSH over vsock to host sockets the host connects to', () => {
    const devices = after(vfkitArgs(inputs), '--device');
    expect(devices).toContain(`virtio-vsock,port=${ENGINE_VSOCK_PORT},socketURL=/tmp/berth/engine.sock,connect`);
    expect(devices).toContain(`virtio-vsock,port=${SSH_VSOCK_PORT},socketURL=/tmp/berth/ssh.sock,connect`);
  });

  it('shares each folder over virtio-fs with the tags the guest mounts, and serves REST on a unix socket', () => {
    const args = vfkitArgs(inputs);
    expect(after(args, '--device').filter((device) => device.startsWith('virtio-fs'))).toEqual([
      'virtio-fs,sharedDir=/Users,mountTag=berth0',
      'virtio-fs,sharedDir=/Volumes/src,mountTag=berth1',
    ]);
    expect(after(args, '--restful-uri')).toEqual(['unix:///tmp/berth/vfkit.sock']);
    expect(vfkitArgs({ ...inputs, sharedFolders: [] }).join(' ')).not.toContain('virtio-fs');
  });

  it('refuses a path with a comma, which vfkit would split', () => {
    expect(() => vfkitArgs({ ...inputs, sharedFolders: ['/Users/me/a,b'] })).toThrow(/comma/);
    expect(() => vfkitArgs({ ...inputs, dataDisk: '/x,y/data.img' })).toThrow(/the data disk \/x,y\/data.img/);
  });
});
