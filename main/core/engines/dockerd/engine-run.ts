// One run of a Berth-owned engine, from launch to shutdown: clears a previous run's leftovers, sets up the
// bridge, starts containerd then dockerd (root) or dockerd-rootless.sh (rootless), waits until the engine
// answers, follows both logs, reports when a daemon dies on its own, and tears all of it down again.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateDir } from '../private-dir';
import type { DockerdMode } from './dockerd-availability';
import { containerdArgs, containerdConfig, dockerdArgs } from './daemon-args';
import { DaemonChild, describeExit } from './daemon-child';
import type { EngineLayout } from './engine-layout';
import { systemPath } from './host-command';
import type { HostNetwork } from './host-network';
import { fileSize, LogTail, rotateIfLarge } from './log-tail';
import { pingSocket } from './ping-socket';
import {
  clearHostLeftovers,
  CONTAINERD_STOP_MS,
  DOCKERD_STOP_MS,
  readSavedSubnet,
  saveSubnet,
  stopPreviousDaemons,
} from './previous-run';

const CONTAINERD_READY_MS = 30_000;
const DOCKERD_READY_MS = 60_000;

export interface EngineRunDeps {
  layout: EngineLayout;
  env: NodeJS.ProcessEnv;
  mode: DockerdMode;
  /** Full paths of the programs, found on the environment's PATH. */
  programs: { dockerd: string; containerd: string; rootless: string | null };
  network: HostNetwork;
  /** Berth's own notes about the engine (`[berth] …`). */
  note(line: string): void;
  /** The daemons' log lines, tagged `[dockerd]` / `[containerd]`. */
  lines(lines: string[]): void;
}

export class EngineRun {
  private containerd: DaemonChild | null = null;
  private dockerd: DaemonChild | null = null;
  private readonly tails: LogTail[] = [];
  private shutdownPromise: Promise<void> | null = null;
  /** Resolves with the reason when a daemon exits while the engine should be running. */
  readonly ended: Promise<string>;
  private endWith: (reason: string) => void = () => undefined;

  private constructor(private readonly deps: EngineRunDeps) {
    this.ended = new Promise((resolve) => (this.endWith = resolve));
  }

  get shuttingDown(): boolean {
    return this.shutdownPromise !== null;
  }

  /** Starts the engine; on failure everything started is torn down and the error carries the log's tail. */
  static async launch(deps: EngineRunDeps, lastLines: () => string[]): Promise<EngineRun> {
    const run = new EngineRun(deps);
    try {
      await run.prepare();
      await run.startDaemons();
    } catch (error) {
      await run
        .shutdown()
        .catch((cleanupError: Error) =>
          deps.note(`cleanup after the failed start failed too: ${cleanupError.message}`),
        );
      const tail = lastLines().join('\n');
      throw new Error(`${(error as Error).message}${tail ? `\nLast log lines:\n${tail}` : ''}`);
    }
    return run;
  }

  /** Stops dockerd (which stops its containers), then containerd, then clears the host; runs once. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= this.tearDown();
    return this.shutdownPromise;
  }

  private async prepare(): Promise<void> {
    const { layout } = this.deps;
    await mkdir(layout.engineDir, { recursive: true, mode: 0o700 });
    // Sockets and pidfiles live here: the folder and its base must be this user's alone (private-dir.ts).
    await ensurePrivateDir(dirname(layout.runtimeDir));
    await ensurePrivateDir(layout.runtimeDir);
    for (const dir of [layout.dataRoot, layout.containerdRoot, layout.execRoot]) await mkdir(dir, { recursive: true });
    await stopPreviousDaemons(layout, this.deps.note);
    await clearHostLeftovers(layout, this.deps.network, this.deps.env, this.deps.note);
    await writeFile(layout.containerdConfig, containerdConfig(layout));
    await writeFile(layout.daemonJson, '{}\n');
  }

  private async startDaemons(): Promise<void> {
    const { layout, env, programs } = this.deps;
    const daemonEnv = { ...env, PATH: systemPath(env) };
    if (this.deps.mode === 'rootless') {
      if (!programs.rootless) throw new Error('[engine] dockerd-rootless.sh is not installed');
      this.dockerd = await this.spawn(
        'dockerd',
        programs.rootless,
        dockerdArgs(layout, null),
        layout.dockerdLog,
        daemonEnv,
      );
    } else {
      const subnet = await this.deps.network.create(layout.bridgeName, await readSavedSubnet(layout), layout.name);
      await saveSubnet(layout, subnet.cidr);
      this.deps.note(
        `bridge ${layout.bridgeName} on ${subnet.cidr}${subnet.masquerade ? ' with a MASQUERADE rule for outbound traffic' : ''}`,
      );
      this.containerd = await this.spawn(
        'containerd',
        programs.containerd,
        containerdArgs(layout),
        layout.containerdLog,
        daemonEnv,
      );
      await writeFile(layout.containerdPidfile, `${this.containerd.pid}\n`);
      await writeFile(layout.berthPidfile, `${process.pid}\n`);
      await this.waitFor(this.containerd, async () => existsSync(layout.containerdSocket), CONTAINERD_READY_MS);
      this.dockerd = await this.spawn(
        'dockerd',
        programs.dockerd,
        dockerdArgs(layout, layout.bridgeName),
        layout.dockerdLog,
        daemonEnv,
      );
    }
    await this.waitFor(this.dockerd, () => pingSocket(layout.socketPath), DOCKERD_READY_MS);
  }

  private async spawn(
    label: string,
    program: string,
    args: string[],
    logFile: string,
    env: NodeJS.ProcessEnv,
  ): Promise<DaemonChild> {
    await rotateIfLarge(logFile);
    const tail = new LogTail(logFile, label, await fileSize(logFile), this.deps.lines, (error) =>
      this.deps.note(`cannot read ${logFile}: ${error.message}`),
    );
    this.tails.push(tail);
    tail.start();
    const child = new DaemonChild(label, program, args, logFile, env);
    await child.spawn();
    void child.exited.then((exit) => {
      if (this.shuttingDown) return;
      const reason = `${label} ${describeExit(exit)} on its own`;
      this.deps.note(reason);
      this.endWith(reason);
    });
    return child;
  }

  private async waitFor(child: DaemonChild, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!child.running) {
        await Promise.all(this.tails.map((tail) => tail.flush()));
        throw new Error(`[engine] ${child.label} ${describeExit(await child.exited)} before it was ready`);
      }
      if (await probe()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(this.tails.map((tail) => tail.flush()));
    throw new Error(`[engine] ${child.label} was not ready within ${timeoutMs / 1000} s`);
  }

  private async tearDown(): Promise<void> {
    const { layout } = this.deps;
    if (this.dockerd && (await this.dockerd.stop(DOCKERD_STOP_MS)) === 'killed')
      this.deps.note('dockerd did not stop in time and was killed');
    if (this.containerd && (await this.containerd.stop(CONTAINERD_STOP_MS)) === 'killed')
      this.deps.note('containerd did not stop in time and was killed');
    await clearHostLeftovers(layout, this.deps.network, this.deps.env, this.deps.note);
    for (const tail of this.tails.splice(0)) await tail.stop();
  }
}
