// Runs Berth's engine installer for the first-run page's Install button (setup:install-engine): checks first that
// this system has an install command, that a privilege path exists and that no install runs yet (each refusal
// says which), then streams the installer's output to the client that asked and ends the stream with success or
// with the installer's own words. After a success Berth looks for the engine again, so it connects without a
// restart. One install at a time, until its process has really ended (a closed page neither stops it nor frees
// it early).
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { BerthError } from '../../../shared/errors';
import type { InstallCancelResult } from '../../../shared/setup-types';
import type { StreamFd, StreamOpened } from '../../../shared/stream-types';
import type { Logger } from '../../logger';
import type { StreamRegistry, StreamSink } from '../../streams/stream-registry';
import { systemPath } from '../dockerd/host-command';
import { installFamily } from './distro-install';
import { installerArgv, installFailure, type InstallerVerdict, type InstallLauncher } from './installer-mode';

/** What the installer printed last, for the failure message (its own line is near the end). */
const OUTPUT_KEPT = 16 * 1024;

export interface InstallFacts {
  osRelease: Record<string, string>;
  verdict: InstallerVerdict;
  user: string;
}

export interface InstallServiceDeps {
  streams: Pick<StreamRegistry, 'open'>;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Read at each request: a sudo rule or the installer may have been added since the page loaded. */
  facts(): Promise<InstallFacts>;
  /** After a success: look for the engine again. */
  afterInstall(): Promise<unknown>;
}

interface Running {
  child: ChildProcess;
  launcher: InstallLauncher;
  cancelled: boolean;
}

export class InstallService {
  private current: Running | null = null;
  /** Between the request and the spawn, so two quick requests cannot both pass the check. */
  private starting = false;

  constructor(private readonly deps: InstallServiceDeps) {}

  async install(clientId: string, streamId: string): Promise<StreamOpened> {
    if (this.current || this.starting)
      throw new BerthError('CONFLICT', 'An engine install is already running: wait for it to end, or cancel it.');
    this.starting = true;
    try {
      const facts = await this.deps.facts();
      if (!installFamily(facts.osRelease))
        throw new BerthError(
          'NOT_FOUND',
          `Berth has no install command for ${facts.osRelease.PRETTY_NAME ?? 'this system'}: its installer covers Debian, Ubuntu, Fedora, Arch and openSUSE.`,
        );
      if (!facts.verdict.usable)
        throw new BerthError('NOT_FOUND', `Berth cannot run its installer as root here: ${facts.verdict.reason}`);
      const launcher = facts.verdict.launcher;
      return await this.deps.streams.open(clientId, streamId, 'engine install', (sink) =>
        this.start(sink, launcher, facts.user),
      );
    } finally {
      this.starting = false;
    }
  }

  /** An install's process runs (or is about to start). */
  get running(): boolean {
    return this.current !== null || this.starting;
  }

  /** Asks the running install to stop, as Ctrl-C in a terminal would; the stream ends when the installer does. */
  cancel(): InstallCancelResult {
    const run = this.current;
    if (!run) return { cancelled: false, message: 'No engine install is running.' };
    try {
      process.kill(run.child.pid!, 'SIGINT');
      run.cancelled = true;
      return {
        cancelled: true,
        message: 'Asked the package manager to stop, as Ctrl-C would: it ends at its next safe point.',
      };
    } catch (error) {
      // pkexec hands over to the installer as root: the user's Berth may no longer signal it.
      if ((error as NodeJS.ErrnoException).code === 'EPERM')
        return {
          cancelled: false,
          message: 'The installer runs as root now (through pkexec), so Berth cannot stop it: it ends on its own.',
        };
      if ((error as NodeJS.ErrnoException).code === 'ESRCH')
        return { cancelled: false, message: 'The install has just ended.' };
      throw error;
    }
  }

  private start(sink: StreamSink, launcher: InstallLauncher, user: string): () => void {
    const { env, log } = this.deps;
    // Its own process group: a Ctrl-C meant for Berth's terminal (serve mode) does not reach the package manager;
    // only a cancel does (a SIGINT to sudo, which relays it, or to the installer itself as root).
    const child = spawn(launcher.command, installerArgv(launcher), {
      env: { ...env, PATH: systemPath(env) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const run: Running = { child, launcher, cancelled: false };
    this.current = run;
    let output = '';
    const take = (fd: StreamFd) => {
      const decoder = new StringDecoder('utf8');
      return (chunk: Buffer) => {
        const text = decoder.write(chunk);
        output = (output + text).slice(-OUTPUT_KEPT);
        sink.write(fd, text);
      };
    };
    child.stdout!.on('data', take('stdout'));
    child.stderr!.on('data', take('stderr'));
    const how = launcher.via === 'root' ? launcher.installer : `${launcher.via} ${launcher.installer}`;
    sink.write('system', `Running ${how}\n`);
    log.info(`[install] running ${how}`);
    let spawnError: Error | null = null;
    child.on('error', (error) => (spawnError = error));
    child.on('close', (code) => {
      this.current = null;
      void this.finish(sink, run, user, code, spawnError ? `${output}\n${spawnError.message}` : output);
    });
    // The stream closed (the page went away, the window reloaded): the install goes on unwatched, since cutting a
    // package manager short is worse than letting it finish; only setup:cancel-install stops it.
    return () => undefined;
  }

  private async finish(sink: StreamSink, run: Running, user: string, code: number | null, output: string) {
    if (code === 0) {
      this.deps.log.info('[install] the engine was installed');
      sink.write('system', 'Installed. Berth looks for the engine again.\n');
      await this.deps.afterInstall().catch((error: unknown) => {
        this.deps.log.warn(`[install] looking for the engine after the install failed: ${String(error)}`);
      });
      sink.end({ exitCode: 0 });
      return;
    }
    const cancelled = run.cancelled && (code === 130 || code === null);
    // A signal ended it before the installer could say anything (pkexec still asking for the password).
    const message =
      cancelled && code === null
        ? 'The install was cancelled before the installer started: nothing was installed.'
        : installFailure(run.launcher, user, code, output);
    this.deps.log.warn(`[install] ${message}`);
    sink.end({ error: new BerthError(cancelled ? 'CANCELLED' : 'ENGINE_ERROR', message), exitCode: code });
  }
}
