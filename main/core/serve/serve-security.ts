// The gatekeeping rules of `serve` mode. Engine access is root-equivalent, so every HTTP request and
// WebSocket upgrade must come from this machine's loopback (Host check, against DNS rebinding), from
// Berth's own page (Origin check, against cross-site requests) and carry the session's random token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'berth_token';

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

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token may come in the URL (`?token=`, the printed link) or the cookie set when the page first loads. */
export function presentedToken(request: IncomingMessage): { fromQuery: string | null; fromCookie: string | undefined } {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  return { fromQuery: url.searchParams.get('token'), fromCookie: cookieValue(request.headers.cookie, tokenCookie) };
}

export function hasValidToken(request: IncomingMessage, token: string): boolean {
  const presented = presentedToken(request);
  return sameToken(presented.fromQuery, token) || sameToken(presented.fromCookie, token);
}

export type Verdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

/** One decision for both plain requests and WebSocket upgrades. */
export function checkRequest(request: IncomingMessage, port: number, token: string): Verdict {
  if (!isAllowedHost(request.headers.host, port)) {
    return { allowed: false, status: 403, reason: 'Host is not a loopback address of this Berth server.' };
  }
  if (!isAllowedOrigin(request.headers.origin, port)) {
    return { allowed: false, status: 403, reason: 'Requests from other sites are refused.' };
  }
  if (!hasValidToken(request, token)) {
    return { allowed: false, status: 401, reason: 'Open the link with its token that `berth serve` printed.' };
  }
  return { allowed: true };
}
