// One daemon of a Berth-owned engine (containerd, dockerd): spawned in its own process group with its output
// appended to its log file, its exit observed (and reaped) by Node, stopped with SIGTERM and a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';

export interface DaemonExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit(exit: DaemonExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

export class DaemonChild {
  private child: ChildProcess | null = null;
  private exitPromise: Promise<DaemonExit> = Promise.resolve({ code: 0, signal: null });

  constructor(
    readonly label: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly logFile: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Resolves when the process exits, however it ends. */
  get exited(): Promise<DaemonExit> {
    return this.exitPromise;
  }

  async spawn(): Promise<void> {
    if (this.child) throw new Error(`[engine] ${this.label} is already running (pid ${this.child.pid})`);
    const log = await open(this.logFile, 'a');
    try {
      await log.write(`${new Date().toISOString()} Berth starts ${this.command} ${this.args.join(' ')}\n`);
      // Its own process group: a Ctrl-C meant for Berth must not reach the daemons, whose order of shutdown
      // (dockerd before containerd) Berth decides.
      const child = spawn(this.command, this.args, {
        stdio: ['ignore', log.fd, log.fd],
        env: this.env,
        detached: true,
      });
      this.exitPromise = new Promise((resolve) => {
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.once('error', () => resolve({ code: null, signal: null }));
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', (error) => reject(new Error(`[engine] cannot run ${this.command}: ${error.message}`)));
      });
      this.child = child;
      void this.exitPromise.then(() => {
        if (this.child === child) this.child = null;
      });
    } finally {
      // The child holds its own copy of the descriptor.
      await log.close();
    }
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves once the process has exited and was reaped. */
  async stop(timeoutMs: number): Promise<'exited' | 'killed'> {
    const child = this.child;
    if (!child) return 'exited';
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exitPromise.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return 'exited';
    child.kill('SIGKILL');
    await this.exitPromise;
    return 'killed';
  }
}
