// Owns a private image registry for tests: Debian's docker-registry (distribution 2.8) on 127.0.0.1 with
// filesystem storage in a temp dir, optionally behind htpasswd. stop()/start() keep the port and storage,
// so tests can take the registry away mid-operation and bring it back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { DaemonProcess } from './daemon-process';
import { runCommand } from './run-command';
import { freeLocalPort } from '../../main/core/engines/free-local-port';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface PrivateRegistryOptions {
  /** When given, the registry requires this user (bcrypt htpasswd), as a private registry with login would. */
  htpasswd?: { username: string; password: string };
}

export class PrivateRegistry {
  /** `127.0.0.1:PORT`, the registry part of image references. */
  readonly address: string;
  private readonly daemon: DaemonProcess;

  private constructor(
    readonly baseDir: string,
    readonly port: number,
    private readonly options: PrivateRegistryOptions,
  ) {
    this.address = `127.0.0.1:${port}`;
    this.daemon = new DaemonProcess(
      'docker-registry',
      'docker-registry',
      ['serve', `${baseDir}/config.yml`],
      `${baseDir}/registry.log`,
    );
  }

  static async start(options: PrivateRegistryOptions = {}): Promise<PrivateRegistry> {
    const baseDir = await mkdtemp('/tmp/berth-test-registry-');
    const registry = new PrivateRegistry(baseDir, await freeLocalPort(), options);
    try {
      await registry.writeConfig();
      await registry.start();
    } catch (error) {
      await registry
        .destroy()
        .catch((cleanupError: Error) =>
          console.error(`[harness] cleanup after a failed start: ${cleanupError.message}`),
        );
      throw error;
    }
    return registry;
  }

  /** Status of GET /v2/ (200 open, 401 with htpasswd), or undefined when nothing answers. */
  probe(): Promise<number | undefined> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: '/v2/', timeout: 2_000 }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('timeout', () => req.destroy());
      // Refused: the registry is down, which is the answer.
      req.on('error', () => resolve(undefined));
      req.end();
    });
  }

  async start(): Promise<void> {
    const started = Date.now();
    if (this.daemon.running) return;
    await this.daemon.spawn();
    const expected = this.options.htpasswd ? 401 : 200;
    await this.daemon.waitReady(async () => (await this.probe()) === expected, READY_TIMEOUT_MS);
    console.info(`[harness] registry ${this.address} ready in ${Date.now() - started} ms`);
  }

  async stop(): Promise<void> {
    await this.daemon.stop(STOP_TIMEOUT_MS);
  }

  /** Kills the registry (SIGKILL): open transfers are cut, as when it crashes; start() brings it back. */
  async kill(): Promise<void> {
    await this.daemon.kill();
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.baseDir, { recursive: true, force: true });
  }

  private async writeConfig(): Promise<void> {
    const lines = [
      'version: 0.1',
      'log:',
      '  level: info',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${this.baseDir}/storage`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${this.address}`,
      '  secret: berth-test-secret',
    ];
    if (this.options.htpasswd) {
      const { username, password } = this.options.htpasswd;
      // -B: bcrypt, the only hash distribution accepts; -n prints instead of editing a file.
      await writeFile(`${this.baseDir}/htpasswd`, await runCommand('htpasswd', ['-Bbn', username, password]));
      lines.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${this.baseDir}/htpasswd`);
    }
    await writeFile(`${this.baseDir}/config.yml`, `${lines.join('\n')}\n`);
  }
}
