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

/** Aborts when either the caller gives up (stop, reconnect) or the deadline passes. */
export function deadline(timeoutMs: number, cancel?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return cancel ? AbortSignal.any([cancel, timeout]) : timeout;
}

export async function pingEngine(docker: Dockerode, timeoutMs: number, cancel?: AbortSignal): Promise<void> {
  await abortable(docker).ping({ abortSignal: deadline(timeoutMs, cancel) });
}

export async function fetchEngineInfo(docker: Dockerode, timeoutMs: number, cancel?: AbortSignal): Promise<EngineInfo> {
  const abortSignal = deadline(timeoutMs, cancel);
  const [info, version] = await Promise.all([abortable(docker).info({ abortSignal }), abortable(docker).version({ abortSignal })]);
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
  if (code === 'EACCES') return `${message} (Berth may not use this socket: add your user to the "docker" group and log in again)`;
  return message;
}
