// vfkit's command line for a VM engine on macOS, pure over its inputs, written against vfkit's documented options
// (https://github.com/crc-org/vfkit/blob/main/doc/usage.md, read at commit b2bc27e5): a direct Linux boot, the OS
// and data disks, NAT networking, entropy, a memory balloon, the console in a log file, the engine's socket and
// SSH carried over vsock to unix sockets on the host, one virtio-fs share per host folder, and the REST API on a
// unix socket (state and stop). Podman machine starts vfkit the same way (pkg/machine/apple/apple.go).
import { kernelCommandLine } from '../guest-protocol';
import { shareTag } from '../shared-folders';

/** The guest's vsock ports: the guest relays them to its engine socket and to sshd (the recipe must add both). */
export const ENGINE_VSOCK_PORT = 2375;
export const SSH_VSOCK_PORT = 22;
/** Tells the guest's init it runs under vfkit: DHCP on the NAT network, vsock relays, the console on hvc0. */
export const VFKIT_GUEST_FLAG = 'berth.backend=vfkit';

export interface VfkitInputs {
  cpus: number;
  memoryMiB: number;
  /** On Apple silicon an uncompressed arm64 `Image` (vfkit refuses a compressed one there); on Intel the bzImage. */
  kernel: string;
  initrd: string;
  osDisk: string;
  /** Raw disk images, as both disks already are: Virtualization.framework takes no qcow2; APFS keeps them sparse. */
  dataDisk: string;
  serialLog: string;
  restSocket: string;
  engineSocket: string;
  sshSocket: string;
  /** Host folders, each shared over virtio-fs with the tag shareTag(index) (mounted by the guest at the same path). */
  sharedFolders: string[];
  /** A fixed MAC keeps the guest's DHCP lease (and address) across boots; absent, vfkit picks a random one. */
  mac?: string;
}

/**
 * vfkit splits a --device value at every comma and has no escape for one (pkg/config/virtio.go, strings.Split),
 * so a path with a comma cannot be passed at all: refused here with the path, rather than misread by vfkit.
 */
function deviceValue(value: string, what: string): string {
  if (value.includes(','))
    throw new Error(`vfkit cannot take ${what} ${value}: its device options cannot hold a comma`);
  return value;
}

/** The guest's kernel command line under vfkit: the QEMU one with the console on the virtio console (hvc0). */
export function vfkitKernelCommandLine(): string {
  const base = kernelCommandLine([VFKIT_GUEST_FLAG]).split(' ');
  return ['console=hvc0', ...base.filter((arg) => !arg.startsWith('console='))].join(' ');
}

export function vfkitArgs(inputs: VfkitInputs): string[] {
  const cmdline = vfkitKernelCommandLine();
  // The documented form (usage.md, "Linux bootloader"): the command line in double quotes, which vfkit's parser
  // keeps whole even with commas inside (pkg/cmdline/string_slice.go); no shell is involved, so no escaping.
  const bootloader = [
    'linux',
    `kernel=${deviceValue(inputs.kernel, 'the kernel')}`,
    `initrd=${deviceValue(inputs.initrd, 'the initrd')}`,
    `cmdline="${cmdline}"`,
  ].join(',');
  const device = (value: string): string[] => ['--device', value];
  return [
    '--cpus',
    String(inputs.cpus),
    '--memory',
    String(inputs.memoryMiB),
    '--bootloader',
    bootloader,
    ...device(`virtio-blk,path=${deviceValue(inputs.osDisk, 'the OS disk')}`),
    ...device(`virtio-blk,path=${deviceValue(inputs.dataDisk, 'the data disk')}`),
    ...device(inputs.mac ? `virtio-net,nat,mac=${inputs.mac}` : 'virtio-net,nat'),
    ...device('virtio-rng'),
    ...device('virtio-balloon'),
    ...device(`virtio-serial,logFilePath=${deviceValue(inputs.serialLog, 'the console log')}`),
    // `connect`: the host connects and vfkit opens the guest's vsock port (usage.md, "virtio-vsock communication").
    ...device(
      `virtio-vsock,port=${ENGINE_VSOCK_PORT},socketURL=${deviceValue(inputs.engineSocket, 'the engine socket')},connect`,
    ),
    ...device(
      `virtio-vsock,port=${SSH_VSOCK_PORT},socketURL=${deviceValue(inputs.sshSocket, 'the SSH socket')},connect`,
    ),
    ...inputs.sharedFolders.flatMap((folder, index) =>
      device(`virtio-fs,sharedDir=${deviceValue(folder, 'the shared folder')},mountTag=${shareTag(index)}`),
    ),
    '--restful-uri',
    `unix://${inputs.restSocket}`,
  ];
}
