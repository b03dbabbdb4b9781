// Forwards a TCP port the guest engine published on the guest's own loopback (`-p 127.0.0.1:8080:80`), which
// QEMU's user network cannot reach (it connects to the guest's 10.0.2.15): Berth listens on the host and opens
// a direct-tcpip channel of the VM's one SSH connection per connection. SSH carries no UDP.
import type { Client } from 'ssh2';
import type { Duplex } from 'node:stream';
import { isMissingAddress } from './listen-errors';
import type { ForwardHandle } from './port-forwarder';
import type { DesiredForward } from './port-forwards';
import { listenTcp } from './tcp-relay';

export async function openSshForward(
  client: () => Promise<Client>,
  forward: DesiredForward,
  note: (line: string) => void,
): Promise<ForwardHandle> {
  if (forward.protocol !== 'tcp') throw new Error('SSH forwards TCP only.');
  try {
    return await listenTcp(forward.hostAddress, forward.hostPort, () => directTcpip(client, forward), note);
  } catch (error) {
    if (!isMissingAddress(error, forward.hostAddress)) throw error;
    note(`[ports] this computer has no ${forward.hostAddress}: tcp ${forward.hostPort} listens on IPv4 only`);
    return { close: () => Promise.resolve(), listens: false };
  }
}

async function directTcpip(client: () => Promise<Client>, forward: DesiredForward): Promise<Duplex> {
  const live = await client();
  return new Promise((resolve, reject) => {
    live.forwardOut('127.0.0.1', 0, forward.guestHost, forward.hostPort, (error, channel) =>
      error ? reject(error) : resolve(channel),
    );
  });
}
