// The http.Agent dockerode sends every engine request through: instead of a TCP or unix socket, each request
// gets a fresh channel of the one SSH connection (opened by `openChannel`). Long-lived requests (`/events`,
// stats streams) simply hold their channel; they end when the request does.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import Dockerode from 'dockerode';

export type ChannelOpener = () => Promise<Duplex>;

function noop(): void {}

/** What http's client calls on a net.Socket and an SSH channel lacks (ssh2's own HTTP agent does the same). */
function asSocket(channel: Duplex): Duplex {
  const socket = channel as Duplex & Record<string, unknown>;
  socket.setKeepAlive = noop;
  socket.setNoDelay = noop;
  socket.setTimeout = noop;
  socket.ref = noop;
  socket.unref = noop;
  socket.destroySoon = () => channel.destroy();
  return channel;
}

export class TunnelAgent extends http.Agent {
  constructor(private readonly openChannel: ChannelOpener) {
    // No keep-alive: one channel per request, so a channel never outlives the request that knows about it.
    super({ keepAlive: false });
  }

  override createConnection(
    _options: http.ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    // http.Agent accepts the socket through the callback later, which is how an async channel open fits in.
    this.openChannel().then(
      (channel) => callback?.(null, asSocket(channel)),
      (error: Error) => {
        // The engine connection puts this message inside its own sentence: no full stop of its own.
        error.message = error.message.replace(/\.$/, '');
        callback?.(error, undefined as unknown as Duplex);
      },
    );
    return undefined;
  }
}

/** A dockerode client whose every request is plain HTTP to `socketPath`, carried by `agent` instead of a local socket. */
export function tunnelledClient(agent: http.Agent, socketPath: string): Dockerode {
  const options: Dockerode.DockerOptions & { agent: http.Agent } = {
    // docker-modem fills unset fields from this process's DOCKER_HOST: clear them so only the agent is used.
    host: undefined,
    port: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    // With a socketPath and no host, docker-modem sends a plain HTTP request; the agent decides where it goes.
    socketPath,
    protocol: 'http',
    agent,
  };
  return new Dockerode(options);
}
