// One host TCP listener whose every connection is piped to a stream `open` gives (an SSH channel into the
// guest, or QEMU's own forward on a private port): the host side of forwards QEMU cannot make itself.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { ForwardHandle } from './port-forwarder';
import { listenProblem } from './listen-errors';

export async function listenTcp(
  host: string,
  port: number,
  open: () => Promise<Duplex>,
  note: (line: string) => void,
): Promise<ForwardHandle> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ noDelay: true, pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    open().then(
      (channel) => {
        const end = () => {
          socket.destroy();
          channel.destroy();
        };
        channel.once('close', end).on('error', end);
        socket.once('close', end);
        socket.pipe(channel).pipe(socket);
        socket.resume();
      },
      (error: Error) => {
        note(`[ports] a connection to ${host}:${port} could not reach the VM: ${error.message}`);
        socket.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenProblem(error, 'tcp', host, port)));
    // ipv6Only: `::` must not also take 0.0.0.0, which its IPv4 twin listens on.
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => resolve());
  });
  server.on('error', (error) => note(`[ports] tcp ${host}:${port}: ${error.message}`));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
