// One persistent SSH connection to a remote engine's machine, opened on first use and again after it drops,
// and the channels to the engine's unix socket that every request travels in. The host key must already be
// in known_hosts: anything else is refused here (the question is asked only when the engine is added).
import type { Duplex } from 'node:stream';
import ssh2, { type AuthenticationType, type Client, type NextAuthHandler } from 'ssh2';
import { BerthError } from '../../../shared/errors';
import { hostKeyAlgorithms, hostKeyOf, knownHostsPath, readKnownHosts } from './host-key';
import { HANDSHAKE_TIMEOUT_MS, judgeHostKey } from './host-key-check';
import { loginFailure, socketFailure, type LoginAttempt } from './ssh-errors';
import { authChoices, sshLogin, type SshLogin } from './ssh-login';
import { diagnoseSocket } from './socket-diagnosis';

export interface SshTunnelOptions {
  config: { host: string; identityFile: string | null; socketPath: string };
  env: NodeJS.ProcessEnv;
  /** The tunnel's own events (connected, dropped), for the Engine page's log. */
  note(line: string): void;
  /** How often to probe an idle connection; a link that misses 3 probes counts as dropped. */
  keepaliveIntervalMs?: number;
}

export class SshTunnel {
  private client: Client | null = null;
  private opening: Promise<Client> | null = null;
  private disposed = false;
  private lastFailure = '';
  /** SSH connections opened so far (1 while the first one lasts), for the log and tests. */
  opened = 0;

  constructor(private readonly options: SshTunnelOptions) {}

  /** A new channel to the engine socket; connects first when there is no live connection. */
  async openChannel(): Promise<Duplex> {
    const client = await this.connection();
    const { socketPath } = this.options.config;
    try {
      return await forwardTo(client, socketPath);
    } catch (error) {
      if (!isNotConnected(error)) throw await this.describeSocketFailure(client, error);
      // The socket died before ssh2 said so (no 'close' yet): replace the client and try once more.
      this.forget(client, 'the SSH connection was found dead');
      return forwardTo(await this.connection(), socketPath);
    }
  }

  /** The live SSH connection (connecting first when there is none), for channels other than the socket's (exec). */
  liveClient(): Promise<Client> {
    return this.connection();
  }

  /** Ends the connection; later calls fail rather than reconnect. */
  dispose(): void {
    this.disposed = true;
    if (this.client) this.forget(this.client, 'closed by Berth');
  }

  private connection(): Promise<Client> {
    if (this.disposed) return Promise.reject(new BerthError('ENGINE_UNREACHABLE', 'This remote engine was removed.'));
    if (this.client) return Promise.resolve(this.client);
    this.opening ??= this.open().then(
      (client) => {
        this.lastFailure = '';
        return client;
      },
      (error: unknown) => {
        // The engine connection retries every few seconds: note a failure when it changes, not each time.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastFailure) this.options.note(`[ssh] ${message}`);
        this.lastFailure = message;
        throw error;
      },
    ).finally(() => (this.opening = null));
    return this.opening;
  }

  private async open(): Promise<Client> {
    const { config, env } = this.options;
    const login = sshLogin(config, env);
    const choices = authChoices(config, login, env);
    const file = knownHostsPath(env);
    const knownHosts = await readKnownHosts(file);
    if (this.opened > 0) this.options.note(`[ssh] reconnecting to ${login.label}`);
    const client = new ssh2.Client();
    const attempt: LoginAttempt = { tried: [], serverAccepts: [] };
    let hostKeyProblem: BerthError | null = null;
    await new Promise<void>((resolve, reject) => {
      const closed = (): void => fail(new Error('the server closed the connection during login'));
      const settle = (): void => {
        client.off('ready', ready).off('error', fail).off('close', closed);
      };
      const ready = (): void => {
        settle();
        resolve();
      };
      function fail(error: unknown): void {
        settle();
        // ssh2 may still report the socket's end; with no listener that 'error' would crash the process.
        client.on('error', () => undefined);
        client.end();
        reject(loginFailure(error, login, attempt, hostKeyProblem));
      }
      client.once('ready', ready).once('error', fail).once('close', closed);
      client.connect({
        host: login.host,
        port: login.port,
        username: login.username,
        readyTimeout: HANDSHAKE_TIMEOUT_MS,
        keepaliveInterval: this.options.keepaliveIntervalMs ?? 5_000,
        keepaliveCountMax: 3,
        algorithms: { serverHostKey: hostKeyAlgorithms(knownHosts, login.host, login.port) },
        hostVerifier: (blob: Buffer) => {
          const verdict = judgeHostKey(knownHosts, file, login, hostKeyOf(blob));
          if (verdict.state === 'known') return true;
          hostKeyProblem =
            verdict.state === 'refused'
              ? verdict.error
              : new BerthError(
                  'ENGINE_UNREACHABLE',
                  `The SSH host key of ${login.label} (${verdict.question.keyType} ${verdict.question.fingerprint}) is not in ${file}: remove the engine and add it again to confirm the fingerprint.`,
                );
          return false;
        },
        authHandler: (accepts: AuthenticationType[] | null, _partial: boolean, next: NextAuthHandler) => {
          if (accepts) attempt.serverAccepts = accepts;
          const choice = choices[attempt.tried.length];
          if (!choice) return next(false as unknown as AuthenticationType);
          attempt.tried.push(choice.label);
          next(choice.method);
        },
      });
    });
    if (this.disposed) {
      client.end();
      throw new BerthError('ENGINE_UNREACHABLE', 'This remote engine was removed.');
    }
    this.adopt(client, login);
    return client;
  }

  private adopt(client: Client, login: SshLogin): void {
    // Requests are small request/response exchanges: Nagle's algorithm would hold each one back.
    client.setNoDelay(true);
    this.client = client;
    this.opened += 1;
    this.options.note(`[ssh] connected to ${login.label} (SSH connection #${this.opened})`);
    client.on('error', (error: Error & { level?: string }) => this.options.note(`[ssh] connection to ${login.label} failed: ${error.message}`));
    client.once('close', () => {
      if (this.client === client) this.forget(client, 'dropped; Berth reconnects on the next request');
    });
  }

  private forget(client: Client, why: string): void {
    if (this.client === client) {
      this.client = null;
      this.options.note(`[ssh] connection ${why}`);
    }
    client.end();
  }

  private async describeSocketFailure(client: Client, error: unknown): Promise<BerthError> {
    const login = sshLogin(this.options.config, this.options.env);
    const diagnosis = await diagnoseSocket(client, this.options.config.socketPath);
    return socketFailure(error, login, this.options.config.socketPath, diagnosis);
  }
}

function forwardTo(client: Client, socketPath: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    try {
      client.openssh_forwardOutStreamLocal(socketPath, (error, channel) => (error ? reject(error) : resolve(channel)));
    } catch (error) {
      reject(error);
    }
  });
}

function isNotConnected(error: unknown): boolean {
  return error instanceof Error && error.message === 'Not connected';
}
