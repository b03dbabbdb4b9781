// End to end: Berth started where no engine exists shows the first-run choices for this system (Debian here:
// the exact apt command), and connects by itself, without a restart, once an engine appears where it looked.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';

let dir: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-first-run-'));
  serve = await startServe(`unix://${join(dir, 'docker.sock')}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('first run without an engine', () => {
  it('offers the ways to get one for this system, then connects when one appears, without a restart', async () => {
    const panel = page.getByRole('region', { name: 'No engine yet: choose one' });
    await panel.waitFor({ timeout: 15_000 });
    const osRelease = await readFile('/etc/os-release', 'utf8');
    if (/^ID=debian$/m.test(osRelease))
      await expect(
        panel.getByText('sudo apt-get install -y docker.io && sudo systemctl enable --now docker').count(),
      ).resolves.toBe(1);
    await expect(panel.getByRole('heading', { name: 'A Berth VM' }).count()).resolves.toBe(1);
    await expect(panel.getByRole('link', { name: /Remote over SSH/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-results/first-run.png' });

    // The engine appears where Berth looks (its DOCKER_HOST): the Dashboard fills in by itself.
    symlinkSync(harness().socketPath, join(dir, 'docker.sock'));
    await page.getByRole('heading', { name: 'Containers' }).waitFor({ timeout: 30_000 });
    await expect(panel.count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
