// One run of Berth's engine through the privileged helper: the helper starts the root dockerd (Berth is not its
// parent, so it outlives a crashed Berth until the next stop), Berth follows the two logs the helper makes
// readable to the user, waits until the socket answers, watches dockerd's pid to report when it ends on its
// own, and asks the helper to stop it.
import { readFile } from 'node:fs/promises';
import type { HelperLauncher, HelperLayout } from './helper-mode';
import { runHelper } from './helper-command';
import { isAlive } from './leftovers';
import { fileSize, LogTail } from './log-tail';
import { pingSocket } from './ping-socket';

const DOCKERD_READY_MS = 60_000;
const WATCH_MS = 2_000;

export interface HelperRunDeps {
  layout: HelperLayout;
  launcher: HelperLauncher;
  user: string;
  env: NodeJS.ProcessEnv;
  note(line: string): void;
  lines(lines: string[]): void;
}

/** A log Berth cannot stat yet (the helper makes its folder on the first start) is read from its beginning. */
async function sizeOrZero(file: string): Promise<number> {
  return fileSize(file).catch(() => 0);
}

export class HelperRun {
  private readonly tails: LogTail[] = [];
  private watch: NodeJS.Timeout | null = null;
  private shutdownPromise: Promise<void> | null = null;
  readonly ended: Promise<string>;
  private endWith: (reason: string) => void = () => undefined;

  private constructor(private readonly deps: HelperRunDeps) {
    this.ended = new Promise((resolve) => (this.endWith = resolve));
  }

  static async launch(deps: HelperRunDeps): Promise<HelperRun> {
    const run = new HelperRun(deps);
    const { layout, launcher } = deps;
    const offsets = await Promise.all([layout.dockerdLog, layout.containerdLog].map(sizeOrZero));
    deps.note(`asking the helper to start the engine (${launcher.via} ${launcher.helper} start)`);
    const said = await runHelper(launcher, 'start', deps.user, deps.env);
    if (said !== `running ${layout.socketPath}`)
      throw new Error(`[engine] the helper answered "${said}", not "running ${layout.socketPath}"`);
    // Root keeps these logs whole: the helper rotates them before a start, Berth (not their owner) never does.
    run.follow(layout.dockerdLog, 'dockerd', offsets[0]);
    run.follow(layout.containerdLog, 'containerd', offsets[1]);
    try {
      await run.waitReady();
    } catch (error) {
      await run
        .shutdown()
        .catch((stopError: Error) => deps.note(`stopping after the failed start failed too: ${stopError.message}`));
      throw error;
    }
    return run;
  }

  /** Asks the helper to stop dockerd (its containers get 10 s each), containerd and the bridge; runs once. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= this.tearDown();
    return this.shutdownPromise;
  }

  private follow(file: string, source: string, offset: number): void {
    const tail = new LogTail(
      file,
      source,
      offset,
      this.deps.lines,
      (error) => this.deps.note(`cannot read ${file}: ${error.message}`),
      Number.POSITIVE_INFINITY,
    );
    this.tails.push(tail);
    tail.start();
  }

  private async waitReady(): Promise<void> {
    const { layout } = this.deps;
    const pid = Number((await readFile(layout.pidfile, 'utf8')).trim());
    const deadline = Date.now() + DOCKERD_READY_MS;
    while (!(await pingSocket(layout.socketPath))) {
      if (!isAlive(pid)) throw new Error('[engine] dockerd exited before it was ready (its log says why)');
      if (Date.now() > deadline)
        throw new Error(`[engine] dockerd did not answer on ${layout.socketPath} within ${DOCKERD_READY_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Berth is not dockerd's parent, so no exit event comes: its pid is looked at instead.
    this.watch = setInterval(() => {
      if (isAlive(pid) || this.shutdownPromise) return;
      this.deps.note('dockerd exited on its own');
      this.endWith('dockerd exited on its own');
    }, WATCH_MS);
    this.watch.unref();
  }

  private async tearDown(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    try {
      await runHelper(this.deps.launcher, 'stop', this.deps.user, this.deps.env);
    } finally {
      for (const tail of this.tails.splice(0)) await tail.stop();
    }
  }
}
