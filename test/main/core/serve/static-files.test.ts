// Static files over a real loopback HTTP server and a real folder: escapes, symlinks, files that vanish or
// cannot be read, aborted downloads, and the descriptors each leaves open (none).
import {
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { open as openFile, realpath } from 'node:fs/promises';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../main/core/logger';
import {
  resolveInside,
  securityHeaders,
  serveStatic,
  staticRoot,
  type StaticFileSystem,
} from '../../../../main/core/serve/static-files';

const lines: string[] = [];
const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };

let base: string;
let root: string;
let server: Server;
let port: number;
/** What the next request's serveStatic uses; each test sets its own. */
let fileSystem: StaticFileSystem | undefined;
const bigSize = 32 * 1024 * 1024;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'berth-static-'));
  mkdirSync(join(base, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'index.html'), '<div id="root"></div>');
  writeFileSync(join(base, 'renderer', 'assets', 'big.bin'), Buffer.alloc(bigSize, 7));
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(base, 'renderer', 'leak.txt'));
  symlinkSync(join(base, 'renderer', 'index.html'), join(base, 'renderer', 'inside-link.html'));
  root = await staticRoot(join(base, 'renderer'));
  server = createServer((request, response) => {
    void serveStatic(request, response, {
      root,
      urlPath: new URL(request.url ?? '/', 'http://x').pathname,
      port,
      log,
      fs: fileSystem,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

function fetchStatus(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Descriptors of this process open on files below `base`. */
function openUnderBase(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(base));
}

async function until(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('static files', () => {
  it('maps / to index.html and keeps paths inside the root', () => {
    const fakeRoot = '/srv/berth/renderer';
    expect(resolveInside(fakeRoot, '/')).toBe('/srv/berth/renderer/index.html');
    expect(resolveInside(fakeRoot, '/assets/index-abc.js')).toBe('/srv/berth/renderer/assets/index-abc.js');
  });

  it('refuses traversal, encoded traversal and NUL bytes', () => {
    const fakeRoot = '/srv/berth/renderer';
    // Dot segments are resolved against the root, so they cannot climb out of it.
    expect(resolveInside(fakeRoot, '/../../etc/passwd')).toBe(`${fakeRoot}/etc/passwd`);
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a%00.js', '/%E0%A4%A']) {
      const resolved = resolveInside(fakeRoot, path);
      expect(resolved === null || resolved.startsWith(`${fakeRoot}/`), path).toBe(true);
    }
    expect(resolveInside(fakeRoot, '/a%00.js')).toBeNull();
  });

  it('sends a strict CSP that allows only our own origin and bridge', () => {
    const csp = securityHeaders(4173)['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('ws://127.0.0.1:4173');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('resolves a relative renderer folder against the current directory, and says what to do when it is missing', async () => {
    expect(await staticRoot(relative(process.cwd(), join(base, 'renderer')))).toBe(
      await realpath(join(base, 'renderer')),
    );
    await expect(staticRoot(join(base, 'missing'))).rejects.toThrow(/npm run build, or pass --renderer/);
    await expect(staticRoot(join(base, 'secret.txt'))).rejects.toThrow(/not a folder/);
  });

  it('serves files, follows symlinks that stay inside the root and refuses one that leads outside', async () => {
    fileSystem = undefined;
    expect(await fetchStatus('/')).toEqual({ status: 200, body: '<div id="root"></div>' });
    expect((await fetchStatus('/inside-link.html')).status).toBe(200);
    const leak = await fetchStatus('/leak.txt');
    expect(leak.status).toBe(404);
    expect(leak.body).not.toContain('outside');
    expect((await fetchStatus('/assets')).status).toBe(404);
  });

  it('answers 404 when the file is deleted between resolving and opening it, and keeps serving', async () => {
    const doomed = join(base, 'renderer', 'doomed.js');
    writeFileSync(doomed, 'x');
    fileSystem = {
      realpath: async (path) => {
        const real = await realpath(path);
        if (path === doomed) unlinkSync(doomed);
        return real;
      },
      open: openFile,
    };
    expect((await fetchStatus('/doomed.js')).status).toBe(404);
    fileSystem = undefined;
    expect((await fetchStatus('/')).status).toBe(200);
  });

  it('answers 403 for a file it may not read (EACCES), with a log line saying what to check', async () => {
    fileSystem = {
      realpath: (path) => realpath(path),
      open: (async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }) as unknown as StaticFileSystem['open'],
    };
    expect(await fetchStatus('/')).toMatchObject({ status: 403 });
    expect(lines.some((line) => line.includes('EACCES') && line.includes('permissions'))).toBe(true);
    fileSystem = undefined;
  });

  it('ends a response whose read fails after the headers went out, without crashing or leaking the descriptor', async () => {
    // /proc/self/mem looks like a regular file and fails to read at offset 0 (EIO).
    fileSystem = {
      realpath: (path) => realpath(path),
      open: ((_path: string, flags: string) => openFile('/proc/self/mem', flags)) as StaticFileSystem['open'],
    };
    await expect(fetchStatus('/')).rejects.toThrow();
    fileSystem = undefined;
    expect((await fetchStatus('/')).status).toBe(200);
  });

  it('closes the file when the client aborts a download, and serves the next one', async () => {
    fileSystem = undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await new Promise<void>((resolve, reject) => {
        const req = httpGet({ host: '127.0.0.1', port, path: '/assets/big.bin', agent: false }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => (error.message.includes('socket hang up') ? resolve() : reject(error)));
      });
    }
    expect(await until(() => openUnderBase().length === 0), `still open: ${openUnderBase().join(', ')}`).toBe(true);
    expect((await fetchStatus('/')).status).toBe(200);
  });
});
