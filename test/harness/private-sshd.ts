// Owns a private OpenSSH server for tests: /usr/sbin/sshd on a free 127.0.0.1 port with its own host key,
// config, authorized test key and log under /tmp/berth-test-sshd-<random>, so remote-engine tests have a real
// SSH hop in front of the private engine's socket without touching the system sshd or anyone's ~/.ssh.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { DaemonProcess } from './daemon-process';
import { isAlive, runCommand, waitUntil } from './run-command';
import { freeLocalPort } from '../../main/core/engines/free-local-port';

const SSHD = '/usr/sbin/sshd';
const READY_TIMEOUT_MS = 15_000;

export interface PrivateSshdOptions {
  /** `AllowStreamLocalForwarding`; off to test how Berth explains sshd's refusal. */
  allowStreamLocal?: boolean;
  /** Variables every session gets (`SetEnv`), e.g. DOCKER_HOST naming the private engine for a discovered ssh:// engine. */
  env?: Record<string, string>;
}

/** Makes an unencrypted ed25519 key pair at `path` (and `path.pub`). */
export async function generateKey(path: string, comment = 'berth-test'): Promise<void> {
  await runCommand('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
}

/** `SHA256:…` of a key file, as `ssh-keygen -lf` prints it. */
export async function keygenFingerprint(path: string): Promise<string> {
  const output = await runCommand('ssh-keygen', ['-l', '-E', 'sha256', '-f', path]);
  const fingerprint = output.split(/\s+/)[1];
  if (!fingerprint?.startsWith('SHA256:')) throw new Error(`[harness] unexpected ssh-keygen -lf output: ${output}`);
  return fingerprint;
}

/** Process ids whose parent is `parent`, from /proc (field 4 of stat, after the parenthesised command name). */
async function childrenOf(parent: number): Promise<number[]> {
  const children: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    // A process that exited between readdir and readFile is simply not a child any more.
    if (stat === null) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === parent) children.push(Number(name));
  }
  return children;
}

export class PrivateSshd {
  readonly hostKeyPath: string;
  /** A private key sshd accepts (for root, since the tests run as root). */
  readonly clientKeyPath: string;
  readonly logPath: string;
  private readonly daemon: DaemonProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly options: PrivateSshdOptions,
  ) {
    this.hostKeyPath = `${dir}/host_ed25519`;
    this.clientKeyPath = `${dir}/client_ed25519`;
    this.logPath = `${dir}/sshd.log`;
    this.daemon = new DaemonProcess('sshd', SSHD, ['-D', '-e', '-f', `${dir}/sshd_config`], this.logPath);
  }

  static async start(options: PrivateSshdOptions = {}): Promise<PrivateSshd> {
    if (process.getuid?.() !== 0) throw new Error('[harness] the private sshd needs root (it runs as the tests do)');
    const dir = await mkdtemp('/tmp/berth-test-sshd-');
    const sshd = new PrivateSshd(dir, await freeLocalPort(), options);
    try {
      // sshd's privilege separation needs this empty directory; Debian creates it only when its service starts.
      await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
      await generateKey(sshd.hostKeyPath, 'berth-test-host');
      await generateKey(sshd.clientKeyPath);
      await writeFile(`${dir}/authorized_keys`, await readFile(`${sshd.clientKeyPath}.pub`, 'utf8'), { mode: 0o600 });
      await writeFile(`${dir}/sshd_config`, sshd.config());
      await sshd.run();
    } catch (error) {
      await sshd.stop();
      throw error;
    }
    return sshd;
  }

  /** `ssh://root@127.0.0.1:PORT`. */
  get address(): string {
    return `ssh://root@127.0.0.1:${this.port}`;
  }

  hostFingerprint(): Promise<string> {
    return keygenFingerprint(`${this.hostKeyPath}.pub`);
  }

  /** How many logins sshd accepted so far: one per SSH connection. */
  async acceptedLogins(): Promise<number> {
    const log = await readFile(this.logPath, 'utf8');
    return log.split('\n').filter((line) => line.includes('Accepted publickey')).length;
  }

  /** How many SSH connections have ended so far, logged in or not (sshd says "Disconnected from" or "Connection closed/reset by" once for each). */
  async connectionsEnded(): Promise<number> {
    const log = await readFile(this.logPath, 'utf8');
    return log.split('\n').filter((line) => /^(Disconnected from|Connection (closed|reset) by) /.test(line)).length;
  }

  /** Restarts on the same port, dropping every session, with a new host key when asked (a reinstalled machine, or an attacker). */
  async restart(options: { newHostKey?: boolean } = {}): Promise<void> {
    await this.halt();
    if (options.newHostKey) {
      await rm(this.hostKeyPath, { force: true });
      await rm(`${this.hostKeyPath}.pub`, { force: true });
      await generateKey(this.hostKeyPath, 'berth-test-host');
    }
    await this.run();
  }

  /** Stops sshd (its sessions end with it) and removes the temp folder. */
  async stop(): Promise<void> {
    await this.halt();
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * sshd serves each connection in a child process that outlives the listener: collect this sshd's children
   * by parent pid first (after the listener exits they are reparented and cannot be told apart), then end all.
   */
  private async halt(): Promise<void> {
    const listener = this.daemon.pid;
    const sessions = listener ? await childrenOf(listener) : [];
    await this.daemon.stop(10_000);
    for (const pid of sessions) if (isAlive(pid)) process.kill(pid, 'SIGTERM');
    const gone = await waitUntil(() => sessions.every((pid) => !isAlive(pid)), 10_000);
    if (!gone) throw new Error(`[harness] sshd sessions ${sessions.join(', ')} did not exit after SIGTERM`);
  }

  private async run(): Promise<void> {
    const listening = `Server listening on 127.0.0.1 port ${this.port}`;
    // Before the first start there is no log yet: nothing said "listening" so far.
    const before = (await readFile(this.logPath, 'utf8').catch(() => '')).split(listening).length;
    await this.daemon.spawn();
    // Ready once this start (not an earlier one) has logged that it listens.
    await this.daemon.waitReady(
      async () => (await readFile(this.logPath, 'utf8')).split(listening).length > before,
      READY_TIMEOUT_MS,
    );
  }

  private config(): string {
    return [
      `Port ${this.port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${this.hostKeyPath}`,
      `PidFile ${this.dir}/sshd.pid`,
      `AuthorizedKeysFile ${this.dir}/authorized_keys`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      `AllowStreamLocalForwarding ${this.options.allowStreamLocal === false ? 'no' : 'yes'}`,
      ...(this.options.env
        ? [
            `SetEnv ${Object.entries(this.options.env)
              .map(([name, value]) => `${name}=${value}`)
              .join(' ')}`,
          ]
        : []),
      // The temp folder and key files are not laid out as sshd's ownership checks want for a home directory.
      'StrictModes no',
      'UsePAM no',
      'LogLevel INFO',
      '',
    ].join('\n');
  }
}
