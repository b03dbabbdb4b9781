// Owns what every request to an engine goes through, whatever transport the client uses: a path check and a
// time limit. dockerode pastes ids and names into URL paths as they are, so a path with a `.`/`..` segment or
// a character that changes the address (`?`, `#`, `%`) is refused before anything is sent. A call that is
// not a stream gets a deadline (a hung engine used to leave requests pending forever); streams (events,
// stats, pulls, pushes, logs, attach, exec) and `wait` are left alone: docker-modem's own `timeout` option
// is a socket idle timeout that would cut an events stream that is merely quiet, so it is not used.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { changesAddress } from '../../shared/image-reference';

interface DialOptions {
  path: string;
  method: string;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
  abortSignal?: AbortSignal;
  options?: Record<string, unknown>;
}
type DialCallback = (error: unknown, data?: unknown) => void;
interface Modem {
  dial(options: DialOptions, callback: DialCallback): void;
}

export interface GuardOptions {
  /** The deadline of an ordinary call. */
  timeoutMs?: number;
  /** Calls that remove or save many things at once (prune, commit, DELETE) get longer. */
  longTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_LONG_TIMEOUT_MS = 10 * 60_000;
const guarded = new WeakSet<object>();

/** Why the path of a request is refused, or null. Only the path: the query string is built by docker-modem. */
export function requestPathProblem(path: string): string | null {
  const query = path.indexOf('?');
  // dockerode's templates end in at most one `?`, right at the end; a second one came from an id.
  if (query !== -1 && query !== path.length - 1) return 'it holds "?"';
  const route = query === -1 ? path : path.slice(0, query);
  if (changesAddress(route))
    return 'it holds a character that would change the address (#, %, \\, a space or a control character)';
  if (route.split('/').some((part) => part === '.' || part === '..')) return 'it has a "." or ".." part';
  // An empty part (`/images//json` from an empty or `/`-led name) makes the engine answer with a redirect that
  // docker-modem follows to a host named after the next part, throwing outside any promise.
  if (
    route
      .split('/')
      .slice(1)
      .some((part) => part === '')
  )
    return 'it has an empty part (a leading, doubled or trailing "/")';
  return null;
}

/** The deadline of one request, or null for the streams and waits that legitimately last. */
export function requestTimeoutMs(
  options: DialOptions,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  longTimeoutMs = DEFAULT_LONG_TIMEOUT_MS,
): number | null {
  if (options.isStream || options.hijack || options.openStdin) return null;
  const route = options.path.split('?')[0];
  if (/^\/containers\/.+\/wait$/.test(route)) return null;
  if (/\/prune$/.test(route) || route === '/commit' || options.method === 'DELETE') return longTimeoutMs;
  // stop/restart wait `t` seconds for the container before killing it.
  const grace = Number(options.options?.t);
  return Number.isFinite(grace) && grace > 0 ? timeoutMs + grace * 1000 : timeoutMs;
}

/** Installs the guard on the client's modem (once) and returns the client. */
export function guardEngineClient(docker: Dockerode, options: GuardOptions = {}): Dockerode {
  const modem = (docker as unknown as { modem?: Modem }).modem;
  // A test's scripted client has no modem: nothing to guard.
  if (!modem || typeof modem.dial !== 'function' || guarded.has(modem)) return docker;
  guarded.add(modem);
  const dial = modem.dial.bind(modem);
  modem.dial = (request, callback) => {
    const problem = requestPathProblem(request.path);
    if (problem) {
      const code =
        request.path.startsWith('/images/') || request.path.startsWith('/distribution/')
          ? 'INVALID_REFERENCE'
          : 'INVALID_PAYLOAD';
      callback(
        new BerthError(
          code,
          `Berth refused to send ${request.method} ${request.path.replace(/\?$/, '')} to the engine: ${problem}. Use the object's id or name as the engine lists it.`,
        ),
      );
      return;
    }
    const limit = requestTimeoutMs(request, options.timeoutMs, options.longTimeoutMs);
    if (limit === null) {
      dial(request, callback);
      return;
    }
    const abort = new AbortController();
    // The caller's signal is followed with a listener taken off when the call ends, not AbortSignal.any(): on
    // Node 20 that leaves an entry in a long-lived caller signal for every call (see engine-probe's deadline).
    const callerSignal = request.abortSignal;
    const onCallerAbort = () => abort.abort(callerSignal?.reason);
    let done = false;
    const finish: DialCallback = (error, data) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      callback(error, data);
    };
    const timer = setTimeout(() => {
      const error = Object.assign(
        new Error(
          `the engine did not answer ${request.method} ${request.path.replace(/\?$/, '')} within ${limit / 1000} s; it may be hung or overloaded`,
        ),
        { code: 'ETIMEDOUT' },
      );
      finish(error);
      abort.abort(error);
    }, limit);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    dial({ ...request, abortSignal: abort.signal }, finish);
  };
  return docker;
}
