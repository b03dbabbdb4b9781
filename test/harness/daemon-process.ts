// Owns one background daemon of the harness (containerd, dockerd, docker-registry): spawning it with its
// output appended to a log file, waiting until it is ready or has died, and stopping it with a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';
import { SYSTEM_PATH, tailFile } from './run-command';

// Daemons still running when the test process exits get SIGTERM, so they shut down cleanly on their own
// instead of running on unsupervised (an exit handler cannot wait for them).
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

export class DaemonProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<void> = Promise.resolve();

  constructor(
    readonly label: string,
    private readonly command: string,
    private readonly args: string[],
    readonly logPath: string,
    /** Added to this process's environment (e.g. a daemon's own config files). */
    private readonly env: NodeJS.ProcessEnv = {},
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async spawn(): Promise<void> {
    if (this.child) throw new Error(`[harness] ${this.label} is already running (pid ${this.child.pid})`);
    const log = await open(this.logPath, 'a');
    try {
      await log.write(`\n[harness] ${new Date().toISOString()} starting ${this.command} ${this.args.join(' ')}\n`);
      const child = spawn(this.command, this.args, {
        stdio: ['ignore', log.fd, log.fd],
        env: { ...process.env, ...this.env, PATH: SYSTEM_PATH },
      });
      this.exit = new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.once('error', () => resolve());
      });
      void this.exit.then(() => {
        running.delete(child);
        if (this.child === child) this.child = undefined;
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', (error) => reject(new Error(`[harness] cannot run ${this.command}: ${error.message}`)));
      });
      this.child = child;
      running.add(child);
    } finally {
      // The child holds its own copy of the descriptor.
      await log.close();
    }
  }

  /** Polls `probe` until true; throws with the log's tail when the daemon dies or the deadline passes. */
  async waitReady(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw await this.failure('exited before it was ready');
      if (await probe()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const error = await this.failure(`was not ready within ${timeoutMs / 1000} s`);
    // A daemon that hangs half-started would hold its socket and directories: stop it before reporting.
    await this.stop(10_000);
    throw error;
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves once the process has exited (and was reaped). */
  async stop(timeoutMs: number): Promise<'exited' | 'killed'> {
    const child = this.child;
    if (!child) return 'exited';
    child.kill('SIGTERM');
    const timedOut = await Promise.race([
      this.exit.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
    ]);
    if (!timedOut) return 'exited';
    console.warn(`[harness] ${this.label} did not exit within ${timeoutMs / 1000} s of SIGTERM, killing it`);
    child.kill('SIGKILL');
    await this.exit;
    return 'killed';
  }

  /** Kills it the hard way (SIGKILL: no drain, no cleanup), as a crash would; resolves once it has exited. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }

  async failure(what: string): Promise<Error> {
    return new Error(
      `[harness] ${this.label} ${what}; last lines of ${this.logPath}:\n${await tailFile(this.logPath)}`,
    );
  }
}
