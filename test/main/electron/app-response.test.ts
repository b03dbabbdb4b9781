import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, appPageUrl, appResponse } from '../../../main/electron/app-response';

let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'berth-app-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('serves the page with the CSP as a header: own files only, no connections, no frames', async () => {
    const answer = await appResponse('GET', appPageUrl, root);
    expect(answer.status).toBe(200);
    expect(String(answer.body)).toContain('<div id="root">');
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toBe(appContentSecurityPolicy);
    expect(appContentSecurityPolicy).toContain("connect-src 'none'");
    expect(appContentSecurityPolicy).toContain("frame-src 'none'");
    expect(appContentSecurityPolicy).toContain("script-src 'self'");
  });

  it('serves assets by their path, with their type', async () => {
    const answer = await appResponse('GET', 'app://berth/assets/app.js', root);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves anything outside the renderer folder: traversal, encoded traversal, symlinks', async () => {
    expect((await appResponse('GET', 'app://berth/../secret.txt', root)).status).toBe(404);
    expect((await appResponse('GET', 'app://berth/assets/%2e%2e/%2e%2e/secret.txt', root)).status).toBe(404);
    expect((await appResponse('GET', 'app://berth/assets/link.txt', root)).status).toBe(404);
    expect((await appResponse('GET', 'app://berth/missing.js', root)).status).toBe(404);
  });

  it('answers only its own host and GET', async () => {
    expect((await appResponse('GET', 'app://elsewhere/index.html', root)).status).toBe(403);
    expect((await appResponse('POST', appPageUrl, root)).status).toBe(405);
    expect((await appResponse('GET', 'not a url', root)).status).toBe(404);
  });
});
