// Forwards through QEMU's user network (slirp `hostfwd`), added and removed on the running VM through QMP:
// QEMU itself listens on the host and connects to the guest's address, so bytes never cross Berth or SSH.
// QEMU 7.2 refuses IPv6 host addresses (`hostfwd_add … tcp:[::1]:…` says "Bad host address"), so an IPv6
// listener is Berth's own (tcp-relay.ts, udp-relay.ts) in front of a QEMU forward on a private 127.0.0.1 port.
import dgram from 'node:dgram';
import net from 'node:net';
import { freeLocalPort } from '../free-local-port';
import { hostLabel, isMissingAddress, listenProblem } from './listen-errors';
import type { ForwardHandle } from './port-forwarder';
import type { DesiredForward } from './port-forwards';
import { monitorCommand } from './qmp-client';
import { listenTcp } from './tcp-relay';
import { listenUdp } from './udp-relay';

/** The user network's id in qemu-args.ts. */
export const NETDEV_ID = 'net0';

export async function openQemuForward(
  qmpSocket: string,
  forward: DesiredForward,
  note: (line: string) => void,
): Promise<ForwardHandle> {
  const { protocol, hostAddress, hostPort, guestHost } = forward;
  if (!hostAddress.includes(':')) return hostfwd(qmpSocket, protocol, hostAddress, hostPort, guestHost, hostPort);
  const privatePort = protocol === 'tcp' ? await freeLocalPort() : await freeUdpPort();
  const inner = await hostfwd(qmpSocket, protocol, '127.0.0.1', privatePort, guestHost, hostPort);
  try {
    const outer =
      protocol === 'tcp'
        ? await listenTcp(hostAddress, hostPort, () => connectLocal(privatePort), note)
        : await listenUdp(hostAddress, hostPort, privatePort, note);
    return {
      close: async () => {
        await outer.close();
        await inner.close();
      },
    };
  } catch (error) {
    await inner.close();
    if (!isMissingAddress(error, hostAddress)) throw error;
    note(`[ports] this computer has no ${hostAddress}: ${protocol} ${hostPort} listens on IPv4 only`);
    return { close: () => Promise.resolve(), listens: false };
  }
}

async function hostfwd(
  qmpSocket: string,
  protocol: string,
  host: string,
  port: number,
  guestHost: string,
  guestPort: number,
): Promise<ForwardHandle> {
  const answer = await monitorCommand(
    qmpSocket,
    `hostfwd_add ${NETDEV_ID} ${protocol}:${host}:${port}-${guestHost}:${guestPort}`,
  );
  // Success prints nothing; QEMU's failure text does not say why, so ask the system by trying the port.
  if (answer !== '') throw await whyNot(protocol, host, port, answer);
  return {
    close: async () => {
      const removed = await monitorCommand(qmpSocket, `hostfwd_remove ${NETDEV_ID} ${protocol}:${host}:${port}`);
      if (!/removed/.test(removed)) throw new Error(`QEMU did not remove ${hostLabel(host, port)}: ${removed}`);
    },
  };
}

async function whyNot(protocol: string, host: string, port: number, qemuSaid: string): Promise<Error> {
  try {
    await tryListen(protocol, host, port);
  } catch (error) {
    return listenProblem(error as NodeJS.ErrnoException, protocol, host, port);
  }
  return new Error(`QEMU could not listen on ${protocol.toUpperCase()} ${hostLabel(host, port)}: ${qemuSaid}`);
}

function tryListen(protocol: string, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (protocol === 'udp') {
      const socket = dgram.createSocket('udp4');
      socket.once('error', reject);
      socket.bind({ address: host, port }, () => socket.close(() => resolve()));
      return;
    }
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port }, () => server.close(() => resolve()));
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind({ address: '127.0.0.1', port: 0 }, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function connectLocal(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    socket.once('connect', () => resolve(socket)).once('error', reject);
  });
}
