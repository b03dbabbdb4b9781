// Which engine socket to reach on a machine named by DOCKER_HOST=ssh://… or a docker context. The docker CLI
// runs `docker system dial-stdio` there, which connects where that machine's own docker would: its
// DOCKER_HOST, else /var/run/docker.sock (or a rootless engine's socket). Berth asks the remote shell the same
// once per SSH connection and then opens channels straight to that socket (no process per request, and no
// limit of sshd's MaxSessions on how many streams can be open at once).
import type { Client } from 'ssh2';
import { parseEngineAddress } from '../../connection/engine-address';
import { errorMessage } from '../../../shared/error-message.js';

export const DEFAULT_REMOTE_SOCKET = '/var/run/docker.sock';
const ASK_TIMEOUT_MS = 5_000;

export type RemoteSocket = { path: string; source: string } | { problem: string };

// Printed with a marker so banners or messages from the remote's shell start-up files do not confuse the answer.
const script = [
  'if [ -n "$DOCKER_HOST" ]; then printf "berth-socket env %s\\n" "$DOCKER_HOST"',
  `elif [ -S ${DEFAULT_REMOTE_SOCKET} ]; then echo "berth-socket default unix://${DEFAULT_REMOTE_SOCKET}"`,
  'elif [ -n "$XDG_RUNTIME_DIR" ] && [ -S "$XDG_RUNTIME_DIR/docker.sock" ]; then printf "berth-socket rootless unix://%s/docker.sock\\n" "$XDG_RUNTIME_DIR"',
  'elif [ -S "/run/user/$(id -u)/docker.sock" ]; then printf "berth-socket rootless unix:///run/user/%s/docker.sock\\n" "$(id -u)"',
  `else echo "berth-socket default unix://${DEFAULT_REMOTE_SOCKET}"; fi`,
].join('; ');

/** Reads the shell's answer; anything unexpected falls back to the default socket. */
export function parseRemoteSocket(output: string): RemoteSocket {
  const line = output
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('berth-socket '));
  if (!line) return { path: DEFAULT_REMOTE_SOCKET, source: 'the default (the remote shell did not say)' };
  const [, kind, ...rest] = line.trim().split(' ');
  const value = rest.join(' ');
  const parsed = parseEngineAddress(value, { tls: false });
  const where =
    kind === 'env'
      ? `DOCKER_HOST=${value} on that machine`
      : kind === 'rootless'
        ? 'the rootless engine of that user'
        : 'the default';
  if (!parsed.ok)
    return { problem: `${where} is not a valid engine address (${parsed.reason}): fix it there, or unset it.` };
  if (parsed.address.kind !== 'unix') {
    return {
      problem: `${where} is not a unix socket: over SSH Berth reaches an engine socket on that machine itself. Point DOCKER_HOST there at the engine's unix:// socket.`,
    };
  }
  return { path: parsed.address.path, source: kind === 'env' ? `DOCKER_HOST on that machine` : where };
}

/** The socket to use; the default when the remote has no shell for us (a forced command) or does not answer. */
export function askRemoteSocket(client: Client): Promise<RemoteSocket> {
  return new Promise((resolve) => {
    let output = '';
    const fallback = (why: string): void => done({ path: DEFAULT_REMOTE_SOCKET, source: `the default (${why})` });
    const timer = setTimeout(() => fallback('the remote shell did not answer in time'), ASK_TIMEOUT_MS);
    let settled = false;
    function done(answer: RemoteSocket): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    }
    try {
      client.exec(script, (error, channel) => {
        if (error) return fallback(`no shell: ${error.message}`);
        channel.on('data', (chunk: Buffer) => {
          // Only the marker line matters; a chatty start-up file must not grow this without bound.
          if (output.length < 64 * 1024) output += chunk.toString();
        });
        channel.stderr.resume();
        channel.on('close', () => done(parseRemoteSocket(output)));
      });
    } catch (error) {
      // exec throws when the connection is already gone; opening the channel then reports that.
      fallback(errorMessage(error));
    }
  });
}
