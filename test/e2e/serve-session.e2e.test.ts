// End to end: how a browser holds the `berth serve` session. The printed link lands on the per-session
// prefix, the token leaves the address bar (kept in the tab's sessionStorage), no cookie exists for any
// port of 127.0.0.1, a reload still connects, and another local page can neither load Berth's files nor
// open its bridge.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
/** Another local web server, as any other program on this machine could run. */
let neighbour: Server;
let neighbourPort: number;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage();
  neighbour = createServer((_request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>neighbour</h1>'),
  );
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  neighbourPort = (neighbour.address() as AddressInfo).port;
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  neighbour?.closeAllConnections();
  await new Promise((resolve) => neighbour?.close(resolve));
});

/** The status bar says so once the page's bridge to the core is open. */
async function expectConnected(target: Page): Promise<void> {
  await target.getByText('Berth core: connected').waitFor({ timeout: 10_000 });
}

describe('serve session in the browser', () => {
  it('moves the token out of the address bar, sets no cookie, and still connects after a reload', async () => {
    await page.goto(serve.url);
    await expectConnected(page);
    const address = new URL(page.url());
    expect(address.pathname).toMatch(/^\/s\/[\w-]{22}\/$/);
    expect(address.searchParams.has('token')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('berth.serve.token'))).toBe(serve.token);
    expect(await page.context().cookies()).toEqual([]);

    await page.reload();
    await expectConnected(page);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    const answer = await page.evaluate(async (port) => {
      // The tab's own bridge address works from the stored token.
      const socket = new WebSocket(
        `ws://127.0.0.1:${port}/bridge?token=${encodeURIComponent(sessionStorage.getItem('berth.serve.token') ?? '')}`,
      );
      return new Promise<string>((resolve) => {
        socket.onopen = () =>
          socket.send(JSON.stringify({ id: 1, channel: 'containers:list', payload: { all: true } }));
        socket.onmessage = (event) => resolve(String(event.data));
        socket.onclose = () => resolve('closed');
      });
    }, serve.port);
    expect(JSON.parse(answer)).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });
  });

  it('lets another local page neither load the session page nor open the bridge', async () => {
    const prefix = new URL(page.url()).pathname;
    const other = await browser.newPage();
    await other.goto(`http://127.0.0.1:${neighbourPort}/`);
    const results = await other.evaluate(
      async ({ port, prefix, token }) => {
        const framed = await fetch(`http://127.0.0.1:${port}${prefix}`, { mode: 'no-cors' }).then(
          (response) => response.type,
          (error: Error) => `failed: ${error.message}`,
        );
        const bridge = await new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        });
        return { framed, bridge };
      },
      // Even knowing the token, a foreign origin is refused.
      { port: serve.port, prefix, token: serve.token },
    );
    expect(results.bridge).toBe('refused');
    // A no-cors fetch hides the status; the server's refusal is checked directly below.
    expect(results.framed === 'opaque' || results.framed.startsWith('failed')).toBe(true);
    const status = await other.evaluate(
      async ({ port, prefix }) => {
        const image = new Image();
        return new Promise<string>((resolve) => {
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('blocked');
          image.src = `http://127.0.0.1:${port}${prefix}favicon.svg`;
        });
      },
      { port: serve.port, prefix },
    );
    expect(status).toBe('blocked');
    await other.close();
  });
});
