// End to end: the engine going away and coming back, seen in the browser. Uses an engine of its own so
// stopping it does not disturb the other tests' engine.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { PrivateEngine } from '../harness/private-engine';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainersPage } from './pages/containers-page';
import { StatusBar } from './pages/status-bar';

let engine: PrivateEngine;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  engine = await PrivateEngine.start({ name: 'status' });
  serve = await startServe(engine.dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await engine?.destroy();
});

describe('engine status in the UI', () => {
  it('says at once when the engine stops, with the reason, and recovers by itself when it is back', async () => {
    const status = new StatusBar(page);
    const containers = new ContainersPage(page);
    await containers.open();
    await status.waitForEngine('Connected');
    await expect(status.engineStatus().textContent()).resolves.toMatch(/Docker Engine \d+\.\d+/);

    await engine.stop();
    await status.waitForEngine('Unreachable');
    await expect(status.engineStatus().textContent()).resolves.toContain(engine.dockerHost);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/engine-unreachable.png' });

    await engine.start();
    await status.waitForEngine('Connected', 15_000);
    // The page works again without a reload: the list answers from the engine that came back.
    await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
