// A TCP proxy on 127.0.0.1:<free port> in front of a registry that slows what the registry sends to a set
// number of bytes a second (shared by all connections), so a pull of a few MB takes seconds and can be
// cancelled or cut midway. The engine treats 127.0.0.1:* registries as insecure, so it pulls through the proxy
// over plain http. `unavailable()` makes it answer like a load balancer whose registry died: open transfers
// are cut and every new connection gets HTTP 503.
import { createServer, Socket, type Server } from 'node:net';

export type ProxyMode = 'throttle' | 'unavailable';

export class ThrottledProxy {
  readonly address: string;
  private mode: ProxyMode = 'throttle';
  private readonly sockets = new Set<Socket>();
  /** When the shared budget is next free (ms since epoch). */
  private nextFree = 0;
  /** Bytes sent from the registry to clients, over all connections. */
  bytesSent = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly upstreamPort: number,
    public bytesPerSecond: number,
  ) {
    this.address = `127.0.0.1:${port}`;
    server.on('connection', (client) => this.accept(client));
  }

  /** Starts a proxy to `127.0.0.1:upstreamPort`. */
  static async start(upstreamPort: number, bytesPerSecond: number): Promise<ThrottledProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address !== 'object') throw new Error('[harness] the proxy has no address');
    return new ThrottledProxy(server, address.port, upstreamPort, bytesPerSecond);
  }

  /** Cuts every open connection and answers new ones with HTTP 503. */
  unavailable(): void {
    this.mode = 'unavailable';
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.mode === 'unavailable') {
      const body = 'registry unavailable (berth test proxy)\n';
      client.end(
        `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    const upstream = new Socket();
    this.track(upstream);
    upstream.connect(this.upstreamPort, '127.0.0.1');
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => this.forward(chunk, upstream, client));
    upstream.on('end', () => client.end());
    // Either side closing ends the pair; the error itself is the point of some tests, not a harness failure.
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Writes the chunk now and pauses the upstream until the budget has paid for it. */
  private forward(chunk: Buffer, upstream: Socket, client: Socket): void {
    client.write(chunk);
    this.bytesSent += chunk.length;
    const now = Date.now();
    this.nextFree = Math.max(this.nextFree, now) + (chunk.length / this.bytesPerSecond) * 1000;
    const wait = this.nextFree - now;
    if (wait <= 1) return;
    upstream.pause();
    const timer = setTimeout(() => upstream.resume(), wait);
    upstream.once('close', () => clearTimeout(timer));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', (error) => {
      if (this.mode === 'throttle' && !/ECONNRESET|EPIPE/.test(error.message))
        console.warn(`[harness] proxy socket: ${error.message}`);
    });
  }
}
