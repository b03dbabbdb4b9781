// Serves the guest engine's socket on the host as a unix socket, so the docker CLI (through the `berth`
// context) reaches the VM: each accepted connection is piped to a new streamlocal channel of the VM's one
// SSH connection. (A named pipe on Windows is not done yet.)
import net from 'node:net';
import { chmod, rm } from 'node:fs/promises';
import type { Duplex } from 'node:stream';

export class HostSocket {
  private readonly server: net.Server;
  private readonly open = new Set<net.Socket>();

  private constructor(server: net.Server) {
    this.server = server;
  }

  static async listen(
    path: string,
    openChannel: () => Promise<Duplex>,
    note: (line: string) => void,
  ): Promise<HostSocket> {
    // A socket file left by a crashed Berth would make listen fail with EADDRINUSE.
    await rm(path, { force: true });
    const server = net.createServer();
    const host = new HostSocket(server);
    server.on('connection', (socket) => host.accept(socket, openChannel, note));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Whoever can connect controls the guest engine (root-equivalent): this user only, whatever the umask.
    await chmod(path, 0o600);
    return host;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket, openChannel: () => Promise<Duplex>, note: (line: string) => void): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    socket.pause();
    openChannel().then(
      (channel) => {
        socket.pipe(channel).pipe(socket);
        socket.resume();
        const end = () => {
          socket.destroy();
          channel.destroy();
        };
        socket.once('close', end).on('error', end);
        channel.once('close', end).on('error', end);
      },
      (error: Error) => {
        note(`[vm] a docker CLI connection could not reach the guest engine: ${error.message}`);
        socket.destroy();
      },
    );
  }
}
