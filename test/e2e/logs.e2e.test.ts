// End to end: a container's Logs tab in Chromium through `berth serve`: its lines (stderr marked apart, ANSI
// colours as spans), search with a match count and next/previous moving the highlight (buttons and
// Enter/Shift+Enter), the timestamps toggle, and a download that gives the text.
import { readFile } from 'node:fs/promises';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { removeTestContainers, runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { LogsTab } from './pages/logs-tab';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
const pageErrors: string[] = [];

const script = [
  'i=1; while [ $i -le 300 ]; do echo "filler line $i"; i=$((i+1)); done',
  'echo "first needle here"',
  // The engine copies stdout and stderr separately: without a pause, the stderr line can be stored before
  // filler lines still being copied, far above the rows the view draws.
  'sleep 0.5',
  'echo "an error on stderr" >&2',
  'sleep 0.5',
  'printf "\\033[32mgreen text\\033[0m and plain\\n"',
  'echo "second needle, and a third needle"',
  'sleep 3600',
].join('; ');

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (docker) await removeTestContainers(docker);
});

describe('Logs tab', () => {
  it('shows the lines, finds a line by search, moves between matches, shows times and downloads the text', async () => {
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name: `e2e-logs-${Date.now()}`,
      cmd: ['sh', '-c', script],
    });
    const logs = new LogsTab(page);
    await logs.open(container.id);
    await logs.line('second needle').waitFor({ timeout: 30_000 });

    // stderr is marked apart; colours are spans with a class, not raw escape codes.
    await expect(logs.line('an error on stderr').getAttribute('class')).resolves.toContain('log-row-stderr');
    await expect(logs.line('an error on stderr').textContent()).resolves.toContain('stderr:');
    const green = logs.line('green text').locator('.log-fg-green');
    await expect(green.textContent()).resolves.toBe('green text');
    await page.screenshot({ path: '/tmp/logs-light.png' });

    await logs.search().fill('needle');
    await page.waitForFunction(() => document.querySelector('.logs-match-count')?.textContent === '– of 3');
    await logs.search().press('Enter');
    await page.waitForFunction(() => document.querySelector('.logs-match-count')?.textContent === '1 of 3');
    await expect(logs.currentMatchLine().textContent()).resolves.toContain('first needle');
    await logs.button('Next match').click();
    await page.waitForFunction(() => document.querySelector('.logs-match-count')?.textContent === '2 of 3');
    await expect(logs.currentMatchLine().textContent()).resolves.toContain('second needle');
    await logs.search().press('Enter');
    await page.waitForFunction(() => document.querySelector('.logs-match-count')?.textContent === '3 of 3');
    await logs.search().press('Shift+Enter');
    await logs.search().press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('.logs-match-count')?.textContent === '1 of 3');
    await expect(logs.currentMatchLine().textContent()).resolves.toContain('first needle');
    // Every occurrence is marked, the current one apart.
    await expect(logs.lines().locator('mark').count()).resolves.toBeGreaterThanOrEqual(3);

    // The filler scrolled away while the match is in view: scrolling back up reaches the first line.
    await logs.lines().evaluate((element) => (element.scrollTop = 0));
    await logs.line('filler line 1').first().waitFor({ timeout: 10_000 });

    // Timestamps: off by default, on with the toggle.
    expect(await logs.lines().locator('time').count()).toBe(0);
    await logs.toggle('Timestamps').click();
    await logs.lines().locator('time').first().waitFor({ timeout: 10_000 });
    const dateTime = await logs.lines().locator('time').first().getAttribute('datetime');
    expect(dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.screenshot({ path: '/tmp/logs-search-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/logs-search-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    // Download: the whole text, plain (no escape codes), with the times since they are shown.
    const [download] = await Promise.all([page.waitForEvent('download'), logs.button('Download').click()]);
    expect(download.suggestedFilename()).toMatch(/^e2e-logs-\d+-.*\.log$/);
    const text = await readFile((await download.path()) as string, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(304);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z filler line 1$/);
    expect(text).toContain('Z green text and plain\n');
    expect(text).toContain('Z an error on stderr\n');
    expect(text).not.toContain('\u001b');
    expect(pageErrors).toEqual([]);
  });
});
