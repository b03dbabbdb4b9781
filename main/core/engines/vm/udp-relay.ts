// One host UDP port relayed to another on 127.0.0.1 (QEMU's own forward on a private port), for the host
// addresses QEMU 7.2 cannot listen on itself (IPv6: `hostfwd` refuses `[::1]`). Each peer gets its own
// socket toward the target, so replies find their way back; a peer silent for a minute is forgotten.
import dgram from 'node:dgram';
import type { ForwardHandle } from './port-forwarder';
import { listenProblem } from './listen-errors';

const PEER_IDLE_MS = 60_000;

export async function listenUdp(
  host: string,
  port: number,
  targetPort: number,
  note: (line: string) => void,
): Promise<ForwardHandle> {
  // ipv6Only: `::` must not also take 0.0.0.0 (QEMU's own IPv4 forward); udp4 sockets refuse the option.
  const server = dgram.createSocket(host.includes(':') ? { type: 'udp6', ipv6Only: true } : { type: 'udp4' });
  const peers = new Map<string, { socket: dgram.Socket; timer: NodeJS.Timeout }>();
  const forget = (key: string) => {
    const peer = peers.get(key);
    if (!peer) return;
    peers.delete(key);
    clearTimeout(peer.timer);
    peer.socket.close();
  };
  server.on('message', (message, from) => {
    const key = `${from.address}|${from.port}`;
    let peer = peers.get(key);
    if (!peer) {
      const socket = dgram.createSocket('udp4');
      socket.on('message', (reply) => server.send(reply, from.port, from.address));
      socket.on('error', (error) => {
        note(`[ports] udp ${host}:${port}: ${error.message}`);
        forget(key);
      });
      peer = { socket, timer: setTimeout(() => forget(key), PEER_IDLE_MS) };
      peers.set(key, peer);
    }
    peer.timer.refresh();
    peer.socket.send(message, targetPort, '127.0.0.1');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenProblem(error, 'udp', host, port)));
    server.bind({ address: host, port }, () => resolve());
  });
  server.on('error', (error) => note(`[ports] udp ${host}:${port}: ${error.message}`));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const key of [...peers.keys()]) forget(key);
        server.close(() => resolve());
      }),
  };
}
