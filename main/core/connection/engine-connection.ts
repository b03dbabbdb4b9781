// Owns the one connection to the container engine: finds it, connects, reports every status change to its
// status listeners (onStatus), follows its event stream while connected, and retries with backoff while it is away
// (retry-policy.ts: not after a failure only the user can fix, such as a refused SSH login or host key).
// A local engine (unix socket, named pipe) is found again without waiting out the backoff: its socket's folder
// is watched while it is away, and an engine whose socket accepted but did not answer in time (dockerd restoring
// its containers before it serves the API) is asked again promptly.
// Services ask it for the client and listen to its events; none of them talks to discovery or retries.
import Dockerode from 'dockerode';
import type { EngineEndpoint, EngineInfo, EngineStatus } from '../../shared/engine-types';
import { BerthError, type ErrorCode } from '../../shared/errors';
import type { Logger } from '../logger';
import { Backoff } from './backoff';
import type { DiscoveryResult, EngineTarget } from './discover';
import { dockerOptionsFor } from './docker-options';
import { guardEngineClient } from './engine-client-guard';
import type { EngineEvent } from './engine-event';
import { describeFailure, fetchEngineInfo, isNoAnswer, pingEngine } from './engine-probe';
import type { EngineLink } from './engine-link';
import { EngineSession } from './engine-session';
import { isUserActionNeeded } from './retry-policy';
import { watchableSockets, watchSockets, type SocketWatcher } from './socket-watch';

export type { EngineEvent } from './engine-event';

export interface EngineConnectionOptions {
  discover: () => Promise<DiscoveryResult> | DiscoveryResult;
  log: Logger;
  retryMinMs?: number;
  /** The ceiling of the retry delay once an outage is older than `retryQuickForMs` (default 60 s). */
  retryMaxMs?: number;
  /** The ceiling while the outage is younger than `retryQuickForMs`, so a restarting engine is found again soon. */
  retryQuickMaxMs?: number;
  retryQuickForMs?: number;
  healthIntervalMs?: number;
  /** How long a ping, `/info` or opening the event stream may take before the engine counts as unreachable. */
  requestTimeoutMs?: number;
  createClient?: (target: EngineTarget) => Dockerode;
  /**
   * The delay before asking a local engine again after its socket accepted but the engine did not answer in
   * time: it is starting (default 250 ms). Each such attempt already took `requestTimeoutMs`, so this cannot spin.
   */
  startingRetryMs?: number;
  /** Watches local sockets' folders while the engine is away (default: socket-watch.ts). */
  watchSockets?: SocketWatcher;
  /** What to do when nothing answers; the default speaks of a local Docker or Podman engine. */
  startHint?: string;
  now?: () => number;
}

type Attempt =
  | { ok: true; docker: Dockerode; info: EngineInfo; session: EngineSession }
  /** `starting`: a local socket accepted the connection but the engine did not answer in time. */
  | { ok: false; reason: string; needsUser: boolean; code: ErrorCode; starting: boolean };

const isLocal = (target: EngineTarget) => target.address.kind === 'unix' || target.address.kind === 'npipe';

const defaultStartHint = 'Start the engine (Docker or Podman); Berth reconnects by itself.';

export class EngineConnection implements EngineLink {
  private current: EngineStatus;
  private docker: Dockerode | null = null;
  private session: EngineSession | null = null;
  private running = false;
  /** Bumped by every attempt, loss and stop: work begun under an older epoch must not touch the state. */
  private epoch = 0;
  private attempt: Promise<EngineStatus> | null = null;
  private attemptAbort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private lastWarnings = '';
  /** The code requests fail with while unreachable: the cause's own when every target failed the same way. */
  private failureCode: ErrorCode = 'ENGINE_UNREACHABLE';
  private readonly backoff: Backoff;
  private readonly startingRetryMs: number;
  private readonly watcher: SocketWatcher;
  /** The local sockets of the latest discovery, watched while the engine is away. */
  private localSockets: string[] = [];
  private watchedKey = '';
  private unwatch: (() => void) | null = null;
  /** A socket changed while an attempt was running: the next failure retries at once. */
  private wakePending = false;
  private readonly healthIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly createClient: (target: EngineTarget) => Dockerode;
  private readonly now: () => number;
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly connectedListeners = new Set<(info: EngineInfo) => void>();
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();

  constructor(private readonly options: EngineConnectionOptions) {
    this.now = options.now ?? Date.now;
    this.backoff = new Backoff(options.retryMinMs ?? 500, options.retryMaxMs ?? 60_000, {
      quickMaxMs: options.retryQuickMaxMs ?? 5000,
      quickForMs: options.retryQuickForMs ?? 60_000,
      now: this.now,
    });
    this.startingRetryMs = options.startingRetryMs ?? 250;
    this.watcher = options.watchSockets ?? ((paths, onChange) => watchSockets(paths, onChange, options.log));
    this.healthIntervalMs = options.healthIntervalMs ?? 5000;
    this.timeoutMs = options.requestTimeoutMs ?? 5000;
    this.createClient = options.createClient ?? ((target) => new Dockerode(dockerOptionsFor(target)));
    this.current = { state: 'connecting', endpoint: null, since: this.now() };
  }

  get status(): EngineStatus {
    return this.current;
  }

  /** Connects in the background; the outcome arrives at the status listeners. */
  start(): void {
    if (this.running) return;
    void this.reconnect();
  }

  /** Tries now (starting the connection if needed), dropping any current one; resolves with the outcome. */
  reconnect(): Promise<EngineStatus> {
    this.running = true;
    this.clearRetry();
    if (!this.attempt) this.attempt = this.connect(true).finally(() => (this.attempt = null));
    return this.attempt;
  }

  /** Ends timers, requests in flight and the event stream, so nothing keeps the process alive. */
  async stop(): Promise<void> {
    this.running = false;
    this.epoch += 1;
    this.clearRetry();
    this.attemptAbort?.abort();
    this.endSession();
    this.stopWatching();
    if (this.attempt) await this.attempt;
  }

  /** The engine client; throws ENGINE_UNREACHABLE with the current reason when there is no engine. */
  client(): Dockerode {
    if (this.current.state === 'connected' && this.docker) return this.docker;
    const status = this.current;
    if (status.state === 'unreachable') throw new BerthError(this.failureCode, status.reason);
    const where = status.endpoint ? ` at ${status.endpoint.host}` : '';
    throw new BerthError(
      'ENGINE_UNREACHABLE',
      `Berth is still connecting to the engine${where}. Try again in a moment.`,
    );
  }

  /** Every event of the engine's one event stream, parsed. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called on every (re)connection, so services resync what they may have missed while away. */
  onConnected(listener: (info: EngineInfo) => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** Called with every new status, as it is set: each retry's new `retryAt` too. */
  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private async connect(announce: boolean): Promise<EngineStatus> {
    const epoch = ++this.epoch;
    this.endSession();
    this.failureCode = 'ENGINE_UNREACHABLE';
    const abort = new AbortController();
    this.attemptAbort = abort;
    try {
      let found: DiscoveryResult;
      try {
        found = await this.options.discover();
      } catch (error) {
        found = {
          targets: [],
          problem: `Berth could not look for the engine: ${describeFailure(error, this.timeoutMs)}.`,
          warnings: [],
          searched: [],
        };
      }
      if (epoch !== this.epoch) return this.current;
      this.localSockets = watchableSockets(found);
      this.logWarnings(found.warnings);
      if (found.problem) return this.fail(null, found.problem);
      if (found.targets.length === 0) {
        return this.fail(
          null,
          `No engine found: nothing at ${found.searched.join(', ') || 'the default sockets'}. ${this.options.startHint ?? defaultStartHint} Or set DOCKER_HOST or a docker context to your engine's address.`,
        );
      }
      if (announce) this.setStatus({ state: 'connecting', endpoint: found.targets[0].endpoint, since: this.now() });
      const failures: string[] = [];
      let needsUser = true;
      let starting = false;
      const codes = new Set<ErrorCode>();
      for (const target of found.targets) {
        const attempt = await this.tryTarget(target, epoch, abort.signal);
        if (epoch !== this.epoch) {
          if (attempt.ok) attempt.session.close();
          return this.current;
        }
        if (attempt.ok) return this.succeed(target.endpoint, attempt);
        failures.push(`${target.endpoint.host}: ${attempt.reason}`);
        needsUser &&= attempt.needsUser;
        starting ||= attempt.starting;
        codes.add(attempt.code);
      }
      // Requests then fail with the cause's own code (HOST_KEY_MISMATCH above all), not a generic one.
      this.failureCode = codes.size === 1 ? [...codes][0] : 'ENGINE_UNREACHABLE';
      // Only when every target failed in a way retrying cannot fix; one that might come back keeps the retries.
      if (needsUser)
        return this.fail(found.targets[0].endpoint, `Berth cannot use the engine at ${failures.join('; ')}.`, {
          retry: false,
        });
      return this.fail(
        found.targets[0].endpoint,
        `No engine answers at ${failures.join('; ')}. ${this.options.startHint ?? defaultStartHint}`,
        { retry: true, starting },
      );
    } catch (error) {
      // Nothing above should throw; if it does, the user still gets a status and retries continue.
      this.options.log.error('[engine] connecting failed unexpectedly', error);
      return epoch === this.epoch
        ? this.fail(null, `Berth failed while connecting to the engine: ${describeFailure(error, this.timeoutMs)}.`)
        : this.current;
    } finally {
      if (this.attemptAbort === abort) this.attemptAbort = null;
    }
  }

  private async tryTarget(target: EngineTarget, epoch: number, cancel: AbortSignal): Promise<Attempt> {
    let session: EngineSession | null = null;
    try {
      // Every request of every client (path check, deadline for calls that are not streams): engine-client-guard.ts.
      const docker = guardEngineClient(this.createClient(target));
      await pingEngine(docker, this.timeoutMs, cancel);
      const info = await fetchEngineInfo(docker, this.timeoutMs, cancel);
      session = new EngineSession(docker, {
        healthIntervalMs: this.healthIntervalMs,
        timeoutMs: this.timeoutMs,
        log: this.options.log,
        onEvent: (event) => this.fanOut(event),
        onLost: (reason) => {
          if (epoch === this.epoch) this.lose(target.endpoint, reason);
        },
      });
      // The stream opens before services resync, so no change falls between their list and the first event.
      await session.open();
      return { ok: true, docker, info, session };
    } catch (error) {
      session?.close();
      // A changed host key keeps its code to the UI (a warning nothing clicks past); all else is "unreachable".
      const code =
        error instanceof BerthError && error.code === 'HOST_KEY_MISMATCH' ? error.code : 'ENGINE_UNREACHABLE';
      // Ran out of time on a local socket that took the connection: the engine is there, starting. Asking again
      // at once (not after up to 5 s of backoff) is what lets it be found within moments of serving.
      const starting = isLocal(target) && isNoAnswer(error) && !cancel.aborted;
      return {
        ok: false,
        reason: describeFailure(error, this.timeoutMs),
        needsUser: isUserActionNeeded(error),
        code,
        starting,
      };
    }
  }

  private succeed(endpoint: EngineEndpoint, attempt: Extract<Attempt, { ok: true }>): EngineStatus {
    this.docker = attempt.docker;
    this.session = attempt.session;
    this.backoff.reset();
    this.stopWatching();
    this.wakePending = false;
    const { info } = attempt;
    this.setStatus({ state: 'connected', endpoint, info, since: this.now() });
    this.options.log.info(
      `[engine] connected to ${info.product} ${info.version} (API ${info.apiVersion}) at ${endpoint.host}`,
    );
    for (const listener of [...this.connectedListeners]) {
      try {
        listener(info);
      } catch (error) {
        this.options.log.error('[engine] a reconnection listener failed', error);
      }
    }
    return this.current;
  }

  private fail(
    endpoint: EngineEndpoint | null,
    reason: string,
    options: { retry: boolean; starting?: boolean } = { retry: true },
  ): EngineStatus {
    const retry = this.running && options.retry;
    // A prompt retry does not advance the backoff: the engine is known to be coming, not known to be away.
    const delay = !retry || this.wakePending ? 0 : options.starting ? this.startingRetryMs : this.backoff.next();
    this.wakePending = false;
    const previous = this.current;
    const since = previous.state === 'unreachable' ? previous.since : this.now();
    // Retries repeat the same reason every few seconds: log it when it changes, not each time.
    if (previous.state !== 'unreachable' || previous.reason !== reason) {
      this.options.log.warn(
        `[engine] ${reason}${options.retry ? '' : ' Berth does not retry this by itself: fix it, then reconnect.'}`,
      );
    }
    this.clearRetry();
    this.setStatus({ state: 'unreachable', endpoint, reason, since, retryAt: retry ? this.now() + delay : null });
    if (retry) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.retryNow();
      }, delay);
      this.retryTimer.unref();
      this.watchLocalSockets();
    } else {
      this.stopWatching();
    }
    return this.current;
  }

  private retryNow(): void {
    if (!this.attempt) this.attempt = this.connect(false).finally(() => (this.attempt = null));
  }

  /** A watched socket appeared or changed: the engine is (re)starting, so try now and restart the backoff. */
  private socketChanged(): void {
    if (!this.running || this.current.state === 'connected') return;
    this.backoff.reset();
    if (this.attempt) {
      this.wakePending = true;
      return;
    }
    this.clearRetry();
    this.retryNow();
  }

  private watchLocalSockets(): void {
    const key = this.localSockets.join('\n');
    if (this.unwatch && key === this.watchedKey) return;
    this.stopWatching();
    if (this.localSockets.length === 0) return;
    this.watchedKey = key;
    this.unwatch = this.watcher(this.localSockets, () => this.socketChanged());
  }

  private stopWatching(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.watchedKey = '';
  }

  private lose(endpoint: EngineEndpoint, reason: string): void {
    this.epoch += 1;
    this.endSession();
    this.clearRetry();
    this.fail(endpoint, `Lost the engine at ${endpoint.host}: ${reason}. Berth keeps trying to reconnect.`);
  }

  private fanOut(event: EngineEvent): void {
    for (const listener of [...this.eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.log.error(`[engine] an event listener failed on ${event.Type} ${event.Action}`, error);
      }
    }
  }

  private setStatus(status: EngineStatus): void {
    this.current = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }

  private endSession(): void {
    this.session?.close();
    this.session = null;
    this.docker = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private logWarnings(warnings: string[]): void {
    const joined = warnings.join('\n');
    if (joined && joined !== this.lastWarnings)
      for (const warning of warnings) this.options.log.warn(`[engine] ${warning}`);
    this.lastWarnings = joined;
  }
}
