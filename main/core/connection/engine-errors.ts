// Turns whatever the engine client throws into an error the user can act on, keeping the engine's message.
import { BerthError, type ErrorInfo } from '../../shared/errors';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EPIPE',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EACCES',
]);

interface EngineClientError {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
  reason?: string;
  message?: string;
}

/** The engine's own words for a failed call: its JSON `message` when it sent one. */
export function engineMessage(error: unknown): string {
  const e = (error ?? {}) as EngineClientError;
  const fromJson = e.json && typeof e.json === 'object' ? e.json.message : undefined;
  return (fromJson ?? e.message ?? String(error)).trim();
}

export function isUnreachableError(error: unknown): boolean {
  const code = (error as EngineClientError | null)?.code;
  return typeof code === 'string' && unreachableCodes.has(code);
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BerthError) return error.toInfo();
  const e = (error ?? {}) as EngineClientError;
  if (isUnreachableError(error)) {
    const hint =
      e.code === 'EACCES' ? ' Berth may not use the engine socket: check its permissions (docker group).' : '';
    return {
      code: 'ENGINE_UNREACHABLE',
      message: `The engine did not answer (${e.code}): ${engineMessage(error)}.${hint}`,
    };
  }
  switch (e.statusCode) {
    case 404:
      return { code: 'NOT_FOUND', message: `The engine found no such object: ${engineMessage(error)}` };
    case 409:
      return { code: 'CONFLICT', message: `The engine refused because of a conflict: ${engineMessage(error)}` };
    case 304:
      return { code: 'CONFLICT', message: 'Nothing to do: the container is already in that state.' };
    case undefined:
      return { code: 'INTERNAL', message: `Berth failed unexpectedly: ${engineMessage(error)}` };
    default:
      return e.statusCode >= 500
        ? { code: 'ENGINE_ERROR', message: `The engine failed (HTTP ${e.statusCode}): ${engineMessage(error)}` }
        : {
            code: 'ENGINE_REFUSED',
            message: `The engine refused the request (HTTP ${e.statusCode}): ${engineMessage(error)}`,
          };
  }
}
