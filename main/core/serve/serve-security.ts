// The gatekeeping rules of `serve` mode. Engine access is root-equivalent, so every HTTP request and
// WebSocket upgrade must come from this machine's loopback (Host check, against DNS rebinding) and from
// Berth's own page (Origin check, against cross-site requests); the printed link and the bridge need the
// session's random token, the page's files the session's path prefix derived from it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const loopbackHostnames = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `Host` must name a loopback address with our port: a rebinding attack arrives with the attacker's name. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim());
  if (!match) return false;
  const [, hostname, hostPort] = match;
  return loopbackHostnames.has(hostname!.toLowerCase()) && Number(hostPort ?? 80) === port;
}

/** `Origin`, when a browser sends one, must be Berth's own page on a loopback address with our port. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true; // Not a cross-site browser request; the token still applies.
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false; // `null` and other opaque origins (sandboxed frames, file://) are foreign.
  }
  return origin.protocol === 'http:' && isAllowedHost(origin.host, port);
}

function sameToken(candidate: string | undefined | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token comes only in the URL (`?token=`: the printed link, and the bridge's address). Never in a
 * cookie: cookies are not scoped by port, so a cookie for 127.0.0.1 would go to every other local server
 * the browser talks to.
 */
export function hasValidToken(request: IncomingMessage, token: string): boolean {
  return sameToken(requestUrl(request)?.searchParams.get('token'), token);
}

/**
 * The request's target as a URL, or null when it is not one: Node's parser lets through targets such as
 * `http://[` that make `new URL` throw, and a throw in the upgrade handler would end the process.
 */
export function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/**
 * The path the page and its assets are served under for this session: derived from the token one way, so
 * it does not reveal the token, and unguessable without it. The page's assets load by it alone, without a
 * credential the browser would attach to other sites.
 */
export function sessionPrefix(token: string): string {
  return `/s/${createHmac('sha256', token).update('berth serve assets').digest('base64url').slice(0, 22)}/`;
}

/**
 * `Sec-Fetch-Site`, when a browser sends one, must say the request comes from Berth's own page or from the
 * user (a typed or opened link). `same-site` is refused too: every port of 127.0.0.1 is the same site.
 */
export function isAllowedFetchSite(header: string | string[] | undefined): boolean {
  return header === undefined || header === 'same-origin' || header === 'none';
}

export type Verdict = { allowed: true } | { allowed: false; status: 400 | 401 | 403; reason: string };

/** Where a request comes from: this machine's loopback under our port, and Berth's own page if a browser says. */
export function checkSource(request: IncomingMessage, port: number): Verdict {
  if (!requestUrl(request))
    return { allowed: false, status: 400, reason: 'The request target is not a valid URL path.' };
  if (!isAllowedHost(request.headers.host, port)) {
    return { allowed: false, status: 403, reason: 'Host is not a loopback address of this Berth server.' };
  }
  if (!isAllowedOrigin(request.headers.origin, port)) {
    return { allowed: false, status: 403, reason: 'Requests from other sites are refused.' };
  }
  return { allowed: true };
}

/** One decision for the printed link and WebSocket upgrades: the source, then the token. */
export function checkRequest(request: IncomingMessage, port: number, token: string): Verdict {
  const source = checkSource(request, port);
  if (!source.allowed) return source;
  if (!hasValidToken(request, token)) {
    return { allowed: false, status: 401, reason: 'Open the link with its token that `berth serve` printed.' };
  }
  return { allowed: true };
}
