// The calls that decide whether an engine is there: `_ping`, then `/info` + `/version`; each bounded by a
// deadline so an engine that accepts connections but never answers still counts as unreachable.
import type Dockerode from 'dockerode';
import type { EngineInfo } from '../../shared/engine-types';
import { engineMessage } from './engine-errors';
import { toEngineInfo, type RawInfo, type RawVersion } from './engine-info';

/** dockerode accepts `abortSignal` on these calls, but its typings omit the options argument. */
interface AbortableCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  info(options: { abortSignal: AbortSignal }): Promise<RawInfo>;
  version(options: { abortSignal: AbortSignal }): Promise<RawVersion>;
}

function abortable(docker: Dockerode): AbortableCalls {
  return docker as unknown as AbortableCalls;
}

/**
 * A signal that aborts when either the caller gives up (stop, reconnect) or the deadline passes, and `release`,
 * to call when the request is done. Not `AbortSignal.any([cancel, AbortSignal.timeout()])`: on Node 20 that
 * adds an entry to the long-lived `cancel` signal's set of dependants which is never taken out, so a session's
 * health pings grew it by one for every ping, for the session's whole life (found in the soak's heap snapshots).
 */
export function deadline(timeoutMs: number, cancel?: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onCancel = () => controller.abort(cancel?.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs / 1000} s`, 'TimeoutError')),
    timeoutMs,
  );
  timer.unref();
  const release = () => {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  };
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  return { signal: controller.signal, release };
}

async function withDeadline<T>(
  timeoutMs: number,
  cancel: AbortSignal | undefined,
  call: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { signal, release } = deadline(timeoutMs, cancel);
  try {
    return await call(signal);
  } finally {
    release();
  }
}

export async function pingEngine(docker: Dockerode, timeoutMs: number, cancel?: AbortSignal): Promise<void> {
  await withDeadline(timeoutMs, cancel, (abortSignal) => abortable(docker).ping({ abortSignal }));
}

export async function fetchEngineInfo(docker: Dockerode, timeoutMs: number, cancel?: AbortSignal): Promise<EngineInfo> {
  const [info, version] = await withDeadline(timeoutMs, cancel, (abortSignal) =>
    Promise.all([abortable(docker).info({ abortSignal }), abortable(docker).version({ abortSignal })]),
  );
  return toEngineInfo(info ?? {}, version ?? {});
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** True when the call ran out of time (its deadline or the client guard's), rather than being refused or failing. */
export function isNoAnswer(error: unknown): boolean {
  return isAbort(error) || (error as { code?: string } | null)?.code === 'ETIMEDOUT';
}

/** A short, human account of why a call failed, with a hint when the cause is a known one. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (isAbort(error)) return `no answer within ${timeoutMs} ms`;
  const code = (error as { code?: string } | null)?.code;
  const message = engineMessage(error);
  if (code === 'EACCES')
    return `${message} (Berth may not use this socket: add your user to the "docker" group and log in again)`;
  return message;
}
