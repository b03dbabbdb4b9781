// Turns a failed pull or push into an error the user can act on: which registry, what to do next, and the
// engine's own words. The engine reports registry failures as text (in the stream or an HTTP 404/500 body),
// so the code is chosen from that text; failures of the engine itself reuse engine-errors.ts.
import type { ErrorInfo } from '../../shared/errors';
import type { ParsedReference } from '../../shared/image-reference';
import { engineMessage, isUnreachableError, toErrorInfo } from '../connection/engine-errors';

/** Engine 20.10 wording seen for a registry that wants credentials (htpasswd, token auth, Docker Hub). */
const authPatterns = [
  /no basic auth credentials/i,
  /authentication required/i,
  /unauthorized/i,
  /\b401\b/,
  /incorrect username or password/i,
];
/** The repository is private or does not exist: registries answer the same on purpose. */
const deniedPatterns = [/pull access denied/i, /requested access to the resource is denied/i];
const notFoundPatterns = [/manifest unknown/i, /not found/i, /name unknown/i, /no such image/i, /does not exist/i];
const unreachablePatterns = [
  /connection refused/i,
  /no such host/i,
  /i\/o timeout/i,
  /connection reset/i,
  /unexpected EOF/i,
  /\bEOF\b/,
  /TLS handshake/i,
  /x509:/i,
  /server gave HTTP response to HTTPS client/i,
  /network is unreachable/i,
  /no route to host/i,
  /context deadline exceeded/i,
  /Client\.Timeout/i,
  /received unexpected HTTP status: 5\d\d/i,
  /\bHTTP 5\d\d\b/,
];

export interface TransferSubject {
  kind: 'pull' | 'push';
  reference: ParsedReference;
}

/** Classifies the engine's message (a stream error line, or the body of a refused request). */
export function transferErrorFromMessage(subject: TransferSubject, message: string): ErrorInfo {
  const { reference, kind } = subject;
  const name = reference.familiar;
  const registry = reference.registry;
  if (authPatterns.some((pattern) => pattern.test(message))) {
    return { code: 'AUTH_REQUIRED', message: `${registry} needs you to log in to ${kind} ${name}: ${message}` };
  }
  if (deniedPatterns.some((pattern) => pattern.test(message))) {
    const hint =
      kind === 'pull'
        ? 'does not exist, or it is private and needs you to log in'
        : 'refused the push: log in with an account that may write to it';
    return { code: kind === 'pull' ? 'NOT_FOUND' : 'AUTH_REQUIRED', message: `${name} ${hint}: ${message}` };
  }
  if (unreachablePatterns.some((pattern) => pattern.test(message))) {
    return {
      code: 'REGISTRY_UNREACHABLE',
      message: `The registry ${registry} could not be reached; check that it is up and its address is right: ${message}`,
    };
  }
  if (notFoundPatterns.some((pattern) => pattern.test(message))) {
    const where = kind === 'pull' ? `${registry} has no image ${name}` : `There is no local image ${name} to push`;
    return { code: 'NOT_FOUND', message: `${where}: ${message}` };
  }
  return { code: 'ENGINE_ERROR', message: `The ${kind} of ${name} failed: ${message}` };
}

/** Classifies what the engine client threw: an HTTP refusal carries registry words; a socket error means the engine went away. */
export function transferErrorFromThrown(subject: TransferSubject, error: unknown): ErrorInfo {
  if (isUnreachableError(error)) return toErrorInfo(error);
  const statusCode = (error as { statusCode?: number } | null)?.statusCode;
  // docker-modem prefixes a refusal it did not expect with `(HTTP code 404) unexpected - `; the rest is the engine's.
  if (statusCode !== undefined)
    return transferErrorFromMessage(subject, engineMessage(error).replace(/^\(HTTP code \d+\) [\w ]*- /, ''));
  return toErrorInfo(error);
}

/** The engine closed the stream before its final line: it stopped, restarted, or dropped the connection. */
export function transferErrorForCutStream(subject: TransferSubject, reason: string | null): ErrorInfo {
  return {
    code: 'ENGINE_UNREACHABLE',
    message: `The engine stopped answering during the ${subject.kind} of ${subject.reference.familiar}${reason ? ` (${reason})` : ''}. Check that the engine is running, then try again.`,
  };
}
