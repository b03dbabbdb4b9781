// Serves the guest engine's socket on the host as a unix socket, so the docker CLI (through the `berth`
// context) reaches the VM: each accepted connection is piped to a new streamlocal channel of the VM's one
// SSH connection. What the CLI sends is read only to hold back a container create that binds a host folder
// the VM does not share (create-request-filter.ts); the engine's answers stream back untouched. Each side may
// close its writing half on its own (the CLI does after sending a request it expects no more input for, as
// `docker run` without -i), so a connection closes only when both halves have. (A named pipe on Windows is
// not done yet.)
import net from 'node:net';
import { chmod, rm } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { CreateRequestFilter, type FilterStep } from './create-request-filter';

/** A create request's decoded body → the refusal the CLI prints, or null to let it through. */
export type CreateJudge = (body: Buffer) => string | null;

export interface HostSocketOptions {
  path: string;
  openChannel: () => Promise<Duplex>;
  note: (line: string) => void;
  /** Absent: nothing is held back. */
  judgeCreate?: CreateJudge;
}

/** The engine's own error shape (`{"message": …}`) with a 400, which the docker CLI prints as the daemon's. */
export function refusalResponse(message: string): Buffer {
  const body = JSON.stringify({ message });
  return Buffer.from(
    'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export class HostSocket {
  private readonly open = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    private readonly options: HostSocketOptions,
  ) {}

  static async listen(options: HostSocketOptions): Promise<HostSocket> {
    // A socket file left by a crashed Berth would make listen fail with EADDRINUSE.
    await rm(options.path, { force: true });
    const server = net.createServer({ allowHalfOpen: true });
    const host = new HostSocket(server, options);
    server.on('connection', (socket) => host.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Whoever can connect controls the guest engine (root-equivalent): this user only, whatever the umask.
    await chmod(options.path, 0o600);
    return host;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    socket.pause();
    this.options.openChannel().then(
      (channel) => this.relay(socket, channel),
      (error: Error) => {
        this.options.note(`[vm] a docker CLI connection could not reach the guest engine: ${error.message}`);
        socket.destroy();
      },
    );
  }

  private relay(socket: net.Socket, channel: Duplex): void {
    const fail = () => {
      socket.destroy();
      channel.destroy();
    };
    socket.on('error', fail);
    channel.on('error', fail);
    // The client is gone: nothing can read the engine's answer any more.
    socket.once('close', () => channel.destroy());
    // The engine's side closed: end ours after what it sent is written (destroying would drop unsent output).
    channel.once('close', () => socket.end());
    channel.pipe(socket);

    const filter = this.options.judgeCreate ? new CreateRequestFilter(this.options.judgeCreate) : null;
    const apply = (steps: FilterStep[]) => {
      for (const step of steps) {
        if ('refuse' in step) {
          channel.unpipe(socket);
          channel.destroy();
          socket.end(refusalResponse(step.refuse));
          return;
        }
        if (!channel.write(step.forward)) {
          socket.pause();
          channel.once('drain', () => socket.resume());
        }
      }
    };
    socket.on('data', (chunk: Buffer) => apply(filter ? filter.push(chunk) : [{ forward: chunk }]));
    // The CLI closed its writing half: pass that on and keep reading the engine's answer.
    socket.once('end', () => {
      if (filter) apply(filter.flush());
      if (!channel.destroyed) channel.end();
    });
    socket.resume();
  }
}
