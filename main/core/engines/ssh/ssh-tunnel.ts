// One persistent SSH connection to a remote engine's machine, opened on first use and again after it drops,
// and the channels to the engine's unix socket that every request travels in. The host key must already be
// in known_hosts: a changed one is refused, an unknown one becomes the question the Engine page asks
// (`hostKeyQuestion`); neither is retried by itself (retry-policy.ts). The same tunnel serves engines added
// in Berth and engines from DOCKER_HOST=ssh://… or a docker context.
import type { Duplex } from 'node:stream';
import ssh2, { type AuthenticationType, type Client, type NextAuthHandler } from 'ssh2';
import type { HostKeyQuestion } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import { needsUserAction } from '../../connection/retry-policy';
import { hostKeyAlgorithms, hostKeyOf, knownHostsPath, readKnownHosts } from './host-key';
import { HANDSHAKE_TIMEOUT_MS, judgeHostKey } from './host-key-check';
import { loginFailure, socketFailure, type LoginAttempt } from './ssh-errors';
import { askRemoteSocket } from './remote-socket';
import { authChoices, sshDefaultAuthChoices, sshLogin, type AuthChoice, type SshLogin } from './ssh-login';
import { diagnoseSocket } from './socket-diagnosis';
import { errorMessage } from '../../../shared/error-message.js';

export interface SshTunnelOptions {
  /** socketPath null: the socket the remote's own docker would use, asked of its shell (remote-socket.ts). */
  config: { host: string; identityFile: string | null; socketPath: string | null };
  env: NodeJS.ProcessEnv;
  /** Log in as `ssh` would (agent, then ~/.ssh/id_*) when no key file is set: engines from DOCKER_HOST or a context. */
  sshDefaults?: boolean;
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
  private question: HostKeyQuestion | null = null;
  /** The engine socket of the live connection, when the remote is asked which one (config.socketPath null). */
  private socket: { client: Client; path: Promise<string> } | null = null;
  /** SSH connections opened so far (1 while the first one lasts), for the log and tests. */
  opened = 0;

  constructor(private readonly options: SshTunnelOptions) {}

  /** The unknown host key the last connection attempt met, until it is trusted or a connection succeeds. */
  get hostKeyQuestion(): HostKeyQuestion | null {
    return this.question;
  }

  /** The question was answered (the key is in known_hosts now). */
  clearHostKeyQuestion(): void {
    this.question = null;
  }

  /** A new channel to the engine socket; connects first when there is no live connection. */
  async openChannel(): Promise<Duplex> {
    const client = await this.connection();
    const socketPath = await this.socketPathOf(client);
    try {
      return await forwardTo(client, socketPath);
    } catch (error) {
      if (!isNotConnected(error)) throw await this.describeSocketFailure(client, socketPath, error);
      // The socket died before ssh2 said so (no 'close' yet): replace the client and try once more.
      this.forget(client, 'the SSH connection was found dead');
      const fresh = await this.connection();
      return forwardTo(fresh, await this.socketPathOf(fresh));
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
    this.opening ??= this.open()
      .then(
        (client) => {
          this.lastFailure = '';
          return client;
        },
        (error: unknown) => {
          // The engine connection retries every few seconds: note a failure when it changes, not each time.
          const message = errorMessage(error);
          if (message !== this.lastFailure) this.options.note(`[ssh] ${message}`);
          this.lastFailure = message;
          throw error;
        },
      )
      .finally(() => (this.opening = null));
    return this.opening;
  }

  private async open(): Promise<Client> {
    const { config, env } = this.options;
    let login: SshLogin;
    let choices: AuthChoice[];
    try {
      login = sshLogin(config, env);
      choices =
        !config.identityFile && this.options.sshDefaults
          ? sshDefaultAuthChoices(login, env)
          : authChoices(config, login, env);
    } catch (error) {
      // An address, a user or a key Berth cannot use stays so until the user changes something.
      throw needsUserAction(error as Error);
    }
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
          if (verdict.state === 'unknown') this.question = verdict.question;
          hostKeyProblem = needsUserAction(
            verdict.state === 'refused'
              ? verdict.error
              : new BerthError(
                  'ENGINE_UNREACHABLE',
                  `The SSH host key of ${login.label} (${verdict.question.keyType} ${verdict.question.fingerprint}) is not in ${file} yet, so Berth has not logged in: compare the fingerprint with the one the machine's owner gives you, then trust it on the Engine page`,
                ),
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
    this.question = null;
    this.opened += 1;
    this.options.note(`[ssh] connected to ${login.label} (SSH connection #${this.opened})`);
    client.on('error', (error: Error & { level?: string }) =>
      this.options.note(`[ssh] connection to ${login.label} failed: ${error.message}`),
    );
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

  /** The configured socket, or the one the remote's docker would use, asked once per SSH connection. */
  private socketPathOf(client: Client): Promise<string> {
    const configured = this.options.config.socketPath;
    if (configured) return Promise.resolve(configured);
    if (this.socket?.client !== client) {
      const label = sshLogin(this.options.config, this.options.env).label;
      const path = askRemoteSocket(client).then((answer) => {
        if ('problem' in answer)
          throw needsUserAction(new BerthError('ENGINE_UNREACHABLE', `On ${label}, ${answer.problem}`));
        this.options.note(`[ssh] the engine socket on ${label} is ${answer.path} (${answer.source})`);
        return answer.path;
      });
      // A failed answer is not kept: the next request asks the remote again.
      path.catch(() => {
        if (this.socket?.client === client) this.socket = null;
      });
      this.socket = { client, path };
    }
    return this.socket.path;
  }

  private async describeSocketFailure(client: Client, socketPath: string, error: unknown): Promise<BerthError> {
    const login = sshLogin(this.options.config, this.options.env);
    const diagnosis = await diagnoseSocket(client, socketPath);
    return socketFailure(error, login, socketPath, diagnosis);
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
