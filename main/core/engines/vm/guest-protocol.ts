// What the VM's host side and its guest image agree on: disks, kernel command line, the key handed in through
// QEMU's fw_cfg, the lines the guest's init prints on the serial console (boot phases, its SSH host key), and
// where the engine lives. The in-guest stats collector's part is in guest-stats/guest-stats-protocol.ts, since
// the stats collectors read it too. The image recipe (scripts/vm/) writes the guest side of each;
// test/main/core/engines/vm/guest-protocol.test.ts checks that both sides still say the same.

/** The guest's first disk: the OS, replaceable on upgrade. The second: the engine's data, kept across upgrades. */
export const OS_DISK_DEVICE = '/dev/vda';
export const DATA_DISK_DEVICE = '/dev/vdb';
/** Where the guest mounts the data disk; the engine's data-root, containerd's root and the machine's identity live under it. */
export const DATA_MOUNT = '/var/lib/berth';
export const GUEST_DOCKER_SOCKET = '/var/run/docker.sock';
export const GUEST_INIT = '/sbin/berth-init';

export function kernelCommandLine(extra: string[] = []): string {
  return [
    'console=ttyS0',
    `root=${OS_DISK_DEVICE}`,
    'rw',
    `init=${GUEST_INIT}`,
    'quiet',
    'cryptomgr.notests=1',
    ...extra,
  ].join(' ');
}

/** fw_cfg entry with the per-machine public key (authorized_keys format); the guest reads it at every boot. */
export const FW_CFG_AUTHORIZED_KEYS = 'opt/berth/authorized_keys';

/** QEMU user-mode network as the guest's init configures it (static, no DHCP wait). */
export const GUEST_ADDRESS = '10.0.2.15/24';
export const GUEST_GATEWAY = '10.0.2.2';
export const GUEST_DNS = '10.0.2.3';

/** Serial console lines: `BERTH-PHASE <phase> <guest uptime seconds>`, and the SSH host key before sshd starts. */
export const PHASE_MARKER = 'BERTH-PHASE';
export const HOSTKEY_MARKER = 'BERTH-HOSTKEY';
export const bootPhases = ['init', 'ssh', 'engine'] as const;
export type GuestBootPhase = (typeof bootPhases)[number];
export const POWEROFF_PHASE = 'poweroff';
