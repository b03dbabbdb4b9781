// Error codes that cross the IPC boundary, and the envelope every reply travels in.
// Shared by the core, the preload and the renderer: no Node or Electron imports here.

export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_PAYLOAD',
  /** A request that is well formed but asks for something impossible (e.g. memory below 6 MiB). */
  'INVALID_LIMITS',
  /** The change is allowed but risky (e.g. memory below current usage); repeat it with the acknowledgement. */
  'NEEDS_CONFIRMATION',
  /** Not possible yet, but will be with time (e.g. a suggestion needs more observed samples). */
  'NOT_ENOUGH_DATA',
  /** An image reference docker would not accept; refused before the engine is asked. */
  'INVALID_REFERENCE',
  /** The registry wants credentials (none stored, or the stored ones were refused). */
  'AUTH_REQUIRED',
  /** The registry could not be reached (down, wrong host, TLS). */
  'REGISTRY_UNREACHABLE',
  /** The user cancelled it (a pull, a push). */
  'CANCELLED',
  /** A remote engine's SSH host key differs from the one in known_hosts: possibly an attack, never bypassed. */
  'HOST_KEY_MISMATCH',
  'ENGINE_UNREACHABLE',
  'NOT_FOUND',
  'CONFLICT',
  /** Too big to carry over IPC (a download over its cap); the message says what to use instead. */
  'TOO_LARGE',
  'ENGINE_REFUSED',
  'ENGINE_ERROR',
  'TRANSPORT_CLOSED',
  'INTERNAL',
  /** One client has too many requests waiting for their answers; it may send more once those are answered. */
  'TOO_MANY_REQUESTS',
  /** Berth could not write one of its own files (disk full, read-only, permissions); what was there is kept. */
  'STORAGE_FAILED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** An error that is meant to reach the user: its code and message survive the boundary as they are. */
export class BerthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BerthError';
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
