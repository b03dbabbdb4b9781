// What the lifecycle channels take and answer beyond a bare id: the signals a kill may send, a bulk action's
// request and per-container results, and why a container stopped (exit-info). Shared by core and renderer.
import type { ContainerState } from './container-types';
import type { ErrorInfo } from './errors';

/** The signals offered for a kill: the common ones, as the engine names them. */
export const killSignals = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;
export type KillSignal = (typeof killSignals)[number];

export const bulkActions = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'] as const;
export type BulkAction = (typeof bulkActions)[number];

export interface BulkRequest {
  action: BulkAction;
  /** The containers to act on (1..200); exactly one of `ids` and `project`. */
  ids?: string[];
  /** Every container whose `com.docker.compose.project` label has this value. */
  project?: string;
  /** remove: stop running containers first. */
  force?: boolean;
  /** remove: also remove the containers' anonymous volumes. */
  removeVolumes?: boolean;
  signal?: KillSignal;
  /** stop, restart: seconds to wait before the engine kills. */
  timeoutSeconds?: number;
}

export interface BulkResultEntry {
  /** The full id when the engine knew the container, else the reference as asked. */
  id: string;
  name: string;
  ok: boolean;
  error: ErrorInfo | null;
}

export interface BulkResult {
  results: BulkResultEntry[];
}

export interface ExitLogLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Why and when a container stopped, and what it printed last: what a user whose container exited needs. */
export interface ExitInfo {
  id: string;
  name: string;
  state: ContainerState;
  /** null while it never ran (created). */
  exitCode: number | null;
  /** ISO times; null when the engine has none (never started, never finished). */
  startedAt: string | null;
  finishedAt: string | null;
  oomKilled: boolean;
  /** The signal that ended it, when the exit code says one (128+n), e.g. SIGKILL for 137. */
  signal: string | null;
  /** The engine's own error for the last start (`State.Error`), e.g. an executable not found. */
  engineError: string | null;
  restartCount: number;
  /** Its last (up to 30) log lines, stdout and stderr in order, each cut to a bounded length. */
  lastLines: ExitLogLine[];
}

const signalNames: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

/** The signal an exit code stands for: a shell or the engine reports death by signal n as 128+n. */
export function signalOfExitCode(code: number | null): string | null {
  if (code === null || code <= 128 || code > 128 + 64) return null;
  const n = code - 128;
  return signalNames[n] ?? `signal ${n}`;
}
