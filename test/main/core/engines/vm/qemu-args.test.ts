// The QEMU command line per platform shape: x86_64 with software emulation or kvm, arm64 `virt` (on paper).
import { describe, expect, it } from 'vitest';
import { kernelCommandLine } from '../../../../../main/core/engines/vm/guest-protocol';
import { qemuArgs, qemuBinary, type QemuInputs } from '../../../../../main/core/engines/vm/qemu-args';

const inputs: QemuInputs = {
  arch: 'x86_64',
  accel: 'tcg',
  cpus: 2,
  memoryMiB: 2048,
  kernel: '/img/vmlinux',
  initrd: '/img/initrd',
  osDisk: '/data/vms/berth/os.img',
  dataDisk: '/data/vms/berth/data.img',
  authorizedKeysFile: '/data/vms/berth/id_ed25519.pub',
  sshPort: 40022,
  qmpSocket: '/run/berth/vm-berth/qmp.sock',
  serialLog: '/data/vms/berth/serial.log',
};

function optionAfter(args: string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]] : []));
}

describe('qemuArgs', () => {
  it('boots x86_64 under tcg directly from kernel and initrd, with no default devices', () => {
    const args = qemuArgs(inputs);
    expect(qemuBinary('x86_64')).toBe('qemu-system-x86_64');
    expect(args.slice(0, 3)).toEqual(['-nodefaults', '-no-user-config', '-nographic']);
    expect(optionAfter(args, '-accel')).toEqual(['tcg']);
    expect(optionAfter(args, '-cpu')).toEqual(['max']);
    expect(optionAfter(args, '-smp')).toEqual(['2']);
    expect(optionAfter(args, '-m')).toEqual(['2048']);
    expect(optionAfter(args, '-kernel')).toEqual(['/img/vmlinux']);
    expect(optionAfter(args, '-initrd')).toEqual(['/img/initrd']);
    expect(optionAfter(args, '-append')).toEqual([kernelCommandLine()]);
    expect(args).not.toContain('-snapshot');
  });

  it('attaches the OS disk first and the data disk second, both virtio with writeback cache', () => {
    const drives = optionAfter(qemuArgs(inputs), '-drive');
    expect(drives).toEqual([
      'if=none,id=os,file=/data/vms/berth/os.img,format=raw,cache=writeback,discard=unmap',
      'if=none,id=data,file=/data/vms/berth/data.img,format=raw,cache=writeback,discard=unmap',
    ]);
    expect(optionAfter(qemuArgs(inputs), '-device').filter((device) => device.startsWith('virtio-blk-pci'))).toEqual([
      'virtio-blk-pci,drive=os',
      'virtio-blk-pci,drive=data',
    ]);
  });

  it('gives freed guest memory back: a balloon device with free page reporting', () => {
    expect(optionAfter(qemuArgs(inputs), '-device')).toContain('virtio-balloon-pci,free-page-reporting=on');
  });

  it('forwards only SSH from 127.0.0.1, reads the console on stdio with a log file, QMP on a unix socket, the key through fw_cfg', () => {
    const args = qemuArgs(inputs);
    expect(optionAfter(args, '-netdev')).toEqual(['user,id=net0,hostfwd=tcp:127.0.0.1:40022-:22']);
    expect(optionAfter(args, '-chardev')).toEqual(['stdio,id=console,signal=off,logfile=/data/vms/berth/serial.log']);
    expect(optionAfter(args, '-serial')).toEqual(['chardev:console']);
    expect(optionAfter(args, '-qmp')).toEqual(['unix:/run/berth/vm-berth/qmp.sock,server=on,wait=off']);
    expect(optionAfter(args, '-fw_cfg')).toEqual([
      'name=opt/berth/authorized_keys,file=/data/vms/berth/id_ed25519.pub',
    ]);
  });

  it('passes the host CPU through with kvm', () => {
    const args = qemuArgs({ ...inputs, accel: 'kvm' });
    expect(optionAfter(args, '-accel')).toEqual(['kvm']);
    expect(optionAfter(args, '-cpu')).toEqual(['host']);
  });

  it('builds an arm64 virt machine with its own console (untested on real arm64)', () => {
    const args = qemuArgs({ ...inputs, arch: 'arm64', accel: 'hvf' });
    expect(qemuBinary('arm64')).toBe('qemu-system-aarch64');
    expect(optionAfter(args, '-machine')).toEqual(['virt']);
    expect(optionAfter(args, '-cpu')).toEqual(['host']);
    expect(optionAfter(args, '-append')[0]).toMatch(/console=ttyAMA0$/);
  });

  it('doubles commas in paths, as QEMU option syntax requires, and adds -snapshot for a probe', () => {
    const args = qemuArgs({ ...inputs, osDisk: '/a,b/os.img', snapshot: true });
    expect(optionAfter(args, '-drive')[0]).toContain('file=/a,,b/os.img,');
    expect(args).toContain('-snapshot');
  });
});

describe('qemuArgs sandbox', () => {
  it('confines QEMU with seccomp: no spawning, no privilege changes, no scheduling control, no obsolete calls', () => {
    const args = qemuArgs(inputs);
    expect(args[args.indexOf('-sandbox') + 1]).toBe(
      'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny',
    );
    expect(qemuArgs({ ...inputs, sandbox: true })).toContain('-sandbox');
  });

  it('leaves it out for a QEMU built without seccomp', () => {
    expect(qemuArgs({ ...inputs, sandbox: false })).not.toContain('-sandbox');
  });
});
