// What Berth's `app://berth/…` protocol answers: the built renderer's files, never anything outside its folder
// (symlinks included), each with the window's Content-Security-Policy as a response header. The window loads
// this origin instead of file://, so the page gets a real origin, file:// needs no extra privileges (a fuse
// turns them off) and the CSP cannot be dropped by editing index.html. No Electron import: unit-tested in Node.
import { readFile, realpath } from 'node:fs/promises';
import { contentTypeOf, isInside, resolveInside } from '../core/serve/static-files';

export const appScheme = 'app';
export const appOrigin = 'app://berth';
export const appPageUrl = `${appOrigin}/index.html`;

/**
 * The Electron window's policy: its own files only, no connections at all (the core is reached over IPC, not
 * the network), no frames, no plugins. React Aria and recharts style through the CSSOM, which style-src allows.
 */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': appContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface AppAnswer {
  status: 200 | 403 | 404 | 405;
  headers: Record<string, string>;
  body: Buffer | string;
}

const refusal = (status: AppAnswer['status'], text: string): AppAnswer => ({
  status,
  headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  body: `${text}\n`,
});

/** `root`: the renderer folder, absolute with symlinks resolved (staticRoot() in static-files.ts). */
export async function appResponse(method: string, url: string, root: string): Promise<AppAnswer> {
  if (method !== 'GET') return refusal(405, 'Method not allowed');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refusal(404, 'Not found');
  }
  if (`${parsed.protocol}//${parsed.host}` !== appOrigin) return refusal(403, 'Forbidden');
  const candidate = resolveInside(root, parsed.pathname);
  if (!candidate) return refusal(404, 'Not found');
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return refusal(404, 'Not found');
    const body = await readFile(real);
    return { status: 200, headers: { ...securityHeaders, 'Content-Type': contentTypeOf(real) }, body };
  } catch {
    return refusal(404, 'Not found');
  }
}
