// The QEMU command line of a VM engine, pure over its inputs so tests check each platform's shape: direct
// kernel boot, no default devices, virtio disks (OS, then data), user-mode network with only SSH forwarded
// from 127.0.0.1, the serial console on stdio (read live) and in a log file, QMP on a unix socket, and the
// per-machine public key through fw_cfg, and QEMU confined by its seccomp sandbox where the build has one.
import { FW_CFG_AUTHORIZED_KEYS, kernelCommandLine } from './guest-protocol';
import { SANDBOX_OPTION } from './qemu-sandbox';

export type Accelerator = 'kvm' | 'hvf' | 'whpx' | 'tcg';
export type GuestArch = 'x86_64' | 'arm64';

export interface QemuInputs {
  arch: GuestArch;
  accel: Accelerator;
  cpus: number;
  memoryMiB: number;
  kernel: string;
  initrd: string;
  osDisk: string;
  dataDisk: string;
  authorizedKeysFile: string;
  sshPort: number;
  qmpSocket: string;
  serialLog: string;
  /** Writes go to temporary files (an accelerator probe must not touch the disks). */
  snapshot?: boolean;
  /** QEMU's seccomp sandbox (qemu-sandbox.ts); on unless the build is known to lack it. */
  sandbox?: boolean;
  /** The shared folders' options (share-session.ts: virtiofs or virtio-9p). */
  shareArgs?: string[];
}

export function qemuBinary(arch: GuestArch): string {
  return arch === 'arm64' ? 'qemu-system-aarch64' : 'qemu-system-x86_64';
}

export function guestArchOf(hostArch: string): GuestArch {
  return hostArch === 'arm64' ? 'arm64' : 'x86_64';
}

/** A hardware accelerator passes the host CPU through; software emulation offers every feature it can emulate. */
function cpuModel(accel: Accelerator): string {
  return accel === 'kvm' || accel === 'hvf' ? 'host' : 'max';
}

/** QEMU's -drive option syntax doubles commas inside values. */
function escapeOption(value: string): string {
  return value.replace(/,/g, ',,');
}

export function qemuArgs(inputs: QemuInputs): string[] {
  // arm64 `virt` names its first UART ttyAMA0; the last console= is the one /dev/console follows. Untested here.
  const append = inputs.arch === 'arm64' ? kernelCommandLine(['console=ttyAMA0']) : kernelCommandLine();
  const machine = inputs.arch === 'arm64' ? ['-machine', 'virt'] : ['-machine', 'q35'];
  const drive = (file: string, id: string) => [
    '-drive',
    `if=none,id=${id},file=${escapeOption(file)},format=raw,cache=writeback,discard=unmap`,
    '-device',
    `virtio-blk-pci,drive=${id}`,
  ];
  return [
    '-nodefaults',
    '-no-user-config',
    '-nographic',
    ...machine,
    '-accel',
    inputs.accel,
    '-cpu',
    cpuModel(inputs.accel),
    '-smp',
    String(inputs.cpus),
    '-m',
    String(inputs.memoryMiB),
    '-kernel',
    inputs.kernel,
    '-initrd',
    inputs.initrd,
    '-append',
    append,
    ...drive(inputs.osDisk, 'os'),
    ...drive(inputs.dataDisk, 'data'),
    '-netdev',
    `user,id=net0,hostfwd=tcp:127.0.0.1:${inputs.sshPort}-:22`,
    '-device',
    'virtio-net-pci,netdev=net0',
    // Memory the guest frees goes back to the host: the guest reports free pages and QEMU discards them.
    '-device',
    'virtio-balloon-pci,free-page-reporting=on',
    // Entropy from the host, so sshd's first key generation and the engine's start do not wait for it.
    '-device',
    'virtio-rng-pci',
    '-chardev',
    `stdio,id=console,signal=off,logfile=${escapeOption(inputs.serialLog)}`,
    '-serial',
    'chardev:console',
    '-qmp',
    `unix:${escapeOption(inputs.qmpSocket)},server=on,wait=off`,
    '-fw_cfg',
    `name=${FW_CFG_AUTHORIZED_KEYS},file=${escapeOption(inputs.authorizedKeysFile)}`,
    ...(inputs.shareArgs ?? []),
    ...(inputs.snapshot ? ['-snapshot'] : []),
    ...(inputs.sandbox === false ? [] : ['-sandbox', SANDBOX_OPTION]),
  ];
}
