// End to end: a shell in a container from its page, in Chromium over `berth serve` (WebSocket): type a
// command and read its output, leave for Stats and come back to the same session with its output, see the
// session end with its exit code and start a new one, in the light and the dark theme, without a CSP violation.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { removeTestContainers, runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainersPage } from './pages/containers-page';
import { TerminalTab } from './pages/terminal-tab';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      cspViolations.push(message.text());
  });
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (docker) await removeTestContainers(docker);
});

async function openTerminal(name: string): Promise<TerminalTab> {
  await page.goto(serve.url);
  const containers = new ContainersPage(page);
  await containers.open();
  await containers.row(name).waitFor({ timeout: 10_000 });
  await containers.nameLink(name).click();
  const terminal = new TerminalTab(page);
  await terminal.tab('Terminal').click();
  await terminal.region(name).waitFor();
  return terminal;
}

describe('Terminal tab', () => {
  it('runs echo hello, keeps the session across a visit to Stats, and restarts an ended session', async () => {
    const name = `e2e-term-${randomBytes(3).toString('hex')}`;
    await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
    });
    const terminal = await openTerminal(name);
    await page.locator('.terminal-now').filter({ hasText: '/bin/sh' }).waitFor({ timeout: 15_000 });
    await terminal.type('echo hel""lo\n');
    await terminal.waitForText(/^hello$/m);
    await page.screenshot({ path: '/tmp/terminal-light.png' });

    await terminal.tab('Stats').click();
    await page.getByRole('tab', { name: 'Stats', selected: true }).waitFor();
    expect(await page.locator('.xterm').count()).toBe(0);
    await terminal.tab('Terminal').click();
    // The earlier output is replayed from the core's session, and the same shell keeps going.
    await terminal.waitForText(/^hello$/m);
    await terminal.type('echo again-$((6*7))\n');
    await terminal.waitForText(/^again-42$/m);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/terminal-dark.png' });
    // xterm.js's colour rules reach the page despite the CSP (renderer/src/terminal/csp-styles.ts).
    const foreground = await page.locator('.xterm-rows').evaluate((element) => getComputedStyle(element).color);
    expect(foreground).toBe('rgb(228, 231, 235)');

    await terminal.type('exit 3\n');
    await terminal.ended().filter({ hasText: 'Session ended (exit code 3)' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: '/tmp/terminal-ended.png' });
    await terminal.restartButton().click();
    await terminal.ended().waitFor({ state: 'detached', timeout: 15_000 });
    await terminal.type('echo fresh\n');
    await terminal.waitForText(/^fresh$/m);
    expect(await terminal.text()).not.toMatch(/^hello$/m);

    // New session ends the one it replaces, with what its shell was running.
    const sleeping = async () =>
      ((await docker.getContainer(name).top()).Processes ?? []).some((row: string[]) =>
        row.join(' ').includes('sleep 4343'),
      );
    await terminal.type('sleep 4343\n');
    await expect.poll(sleeping, { timeout: 10_000 }).toBe(true);
    await terminal.newSessionButton().click();
    await page.locator('.terminal-now').filter({ hasText: '/bin/sh' }).waitFor({ timeout: 15_000 });
    await expect.poll(sleeping, { timeout: 10_000 }).toBe(false);
    await page.emulateMedia({ colorScheme: 'light' });

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('says plainly that a stopped container cannot have a terminal', async () => {
    const stopped = `e2e-term-stopped-${randomBytes(3).toString('hex')}`;
    const container = await runTestContainer(docker, { image: harness().busyboxImage, name: stopped, cmd: ['true'] });
    await container.wait();
    await openTerminal(stopped);
    await page
      .getByRole('status')
      .filter({ hasText: `${stopped} is not running (exited)` })
      .waitFor();
    expect(await new TerminalTab(page).newSessionButton().isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/terminal-stopped.png' });
  });
});
