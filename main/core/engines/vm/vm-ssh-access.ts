// How Berth reaches a booted or resumed VM's sshd: the key it pins for the VM's forwarded port (in the VM's own
// known_hosts, never the user's) and the one SSH connection over which the engine's socket is reached.
import { writeFile } from 'node:fs/promises';
import { knownHostLine } from '../ssh/known-hosts';
import { SshTunnel } from '../ssh/ssh-tunnel';
import { GUEST_DOCKER_SOCKET } from './guest-protocol';
import type { VmLayout } from './vm-layout';

/** The guest's init authorizes the fw_cfg key for root (the image has no other login). */
export const GUEST_USER = 'root';

export interface HostKey {
  keyType: string;
  key: string;
}

/** Pins the guest's host key for 127.0.0.1:<port>, the port QEMU forwards to its sshd in this start. */
export async function pinHostKey(layout: VmLayout, sshPort: number, hostKey: HostKey): Promise<void> {
  await writeFile(layout.knownHosts, `${knownHostLine('127.0.0.1', sshPort, hostKey.keyType, hostKey.key)}\n`, {
    mode: 0o600,
  });
}

export function vmTunnel(layout: VmLayout, env: NodeJS.ProcessEnv, sshPort: number, note: (line: string) => void) {
  return new SshTunnel({
    config: {
      host: `ssh://${GUEST_USER}@127.0.0.1:${sshPort}`,
      identityFile: layout.privateKey,
      socketPath: GUEST_DOCKER_SOCKET,
    },
    // The VM's own known_hosts, holding only the key its console printed: never the user's, never trust on first use.
    env: { ...env, BERTH_SSH_KNOWN_HOSTS: layout.knownHosts },
    note,
    // ssh2 counts a keepalive as missed until its reply arrives, and replies queue behind bulk data on the same
    // link: under software emulation a busy guest (an image load, then runc) missed three 5 s probes and the
    // tunnel was cut mid-request (ECONNRESET in CI). A local VM's link cannot drop silently: QEMU exiting is
    // seen at once and a hung guest by the stall watchdog, so the probes only need to catch a wedged sshd.
    keepaliveIntervalMs: 30_000,
  });
}
