// Serves the built renderer's files from one folder, never anything outside it (symlinks included), with the
// headers that keep the page locked down (CSP, no framing, no sniffing). A file that vanishes or cannot be
// read, or a download the client aborts, ends that one response: it neither crashes the process nor keeps a
// descriptor open.
import { open as openFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../logger';
import { isPeerGone } from './socket-errors';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The Content-Type a renderer file is served with. */
export function contentTypeOf(path: string): string {
  return contentTypes[extname(path)] ?? 'application/octet-stream';
}

export function securityHeaders(port: number): Record<string, string> {
  // 'self' covers the page's own bridge in current browsers; the explicit ws: sources help older ones.
  // An IPv6 literal is not a valid CSP host-source (Chromium rejects `ws://[::1]:…`), so ::1 relies on 'self'.
  const loopback = [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`].join(' ');
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ${loopback}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * The renderer folder as served: absolute (a relative path is taken from the current directory) and with
 * symlinks resolved, so each file's real path can be compared with it. Throws, saying what to do, when the
 * folder is missing.
 */
export async function staticRoot(dir: string): Promise<string> {
  const absolute = resolve(dir);
  const real = await realpath(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `The renderer folder ${absolute} cannot be used (${error.code ?? error.message}): run npm run build, or pass --renderer with the folder of a built renderer.`,
    );
  });
  if (!(await stat(real)).isDirectory())
    throw new Error(
      `The renderer folder ${absolute} is not a folder: pass --renderer with the folder of a built renderer.`,
    );
  return real;
}

/** Resolves a URL path inside `root`, or null when it would escape it. Symlinks are checked later. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  return isInside(root, full) ? full : null;
}

export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The file system calls used here; tests replace them to make a file vanish or be unreadable at a given step. */
export interface StaticFileSystem {
  realpath: (path: string) => Promise<string>;
  open: typeof openFile;
}

const nodeFileSystem: StaticFileSystem = { realpath: (path) => realpath(path), open: openFile };

export interface StaticRequest {
  /** `staticRoot()`'s answer: absolute, symlinks resolved. */
  root: string;
  /** The path below the root, from the URL (`/` is index.html). */
  urlPath: string;
  port: number;
  log: Logger;
  fs?: StaticFileSystem;
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticRequest,
): Promise<void> {
  const { root, port, log } = options;
  const fs = options.fs ?? nodeFileSystem;
  const headers = securityHeaders(port);
  const refuse = (status: 403 | 404 | 405, text: string, extra: Record<string, string> = {}) =>
    response.writeHead(status, { ...headers, ...extra, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return void refuse(405, 'Method not allowed', { Allow: 'GET, HEAD' });

  const candidate = resolveInside(root, options.urlPath);
  if (!candidate) return void refuse(404, 'Not found');
  let handle: Awaited<ReturnType<typeof openFile>>;
  try {
    const real = await fs.realpath(candidate);
    // A symlink inside the folder that points outside it is refused like any other escape.
    if (!isInside(root, real)) {
      log.warn(`[serve] refused ${candidate}: it leads outside the renderer folder ${root}`);
      return void refuse(404, 'Not found');
    }
    // Opened first and then measured on the descriptor: a file swapped or deleted after a separate stat()
    // can no longer be streamed with the wrong length, or fail after the headers went out.
    handle = await fs.open(real, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      log.warn(`[serve] cannot read ${candidate} (${code}): check the renderer folder's permissions`);
      return void refuse(403, 'Forbidden');
    }
    return void refuse(404, 'Not found');
  }

  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return void refuse(404, 'Not found');
    }
    const relative = candidate.slice(root.length + 1);
    response.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeOf(candidate),
      'Content-Length': String(info.size),
      // Hashed asset names change with every build; the page itself must always be fresh.
      'Cache-Control': relative.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (request.method === 'HEAD') {
      await handle.close();
      response.end();
      return;
    }
    // pipeline() destroys both sides on any failure (a read error, the client going away), and the stream
    // closes the descriptor when it ends or is destroyed.
    await pipeline(handle.createReadStream({ autoClose: true }), response);
  } catch (error) {
    if (!isPeerGone(error)) log.error(`[serve] sending ${candidate} failed`, error);
    if (!response.headersSent) refuse(404, 'Not found');
    else response.destroy();
  } finally {
    // Normally closed already by the stream; this catches the paths where no stream was made.
    await handle.close().catch(() => undefined);
  }
}
