// End to end in Chromium against `berth serve` and the private engine: Ctrl+K, a container's name typed,
// Enter lands on its page; a single-key shortcut opens a tab, and does nothing while typing in a field; ? lists
// the shortcuts; the palette's button opens it too; a container paused and resumed from the palette, checked
// against the engine. Screenshots in light and dark.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { runIdleContainer } from '../harness/containers';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { CommandPalette } from './pages/command-palette';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
const name = `e2e-palette-${randomBytes(3).toString('hex')}`;
const shots = process.env.BERTH_SCREENSHOTS ?? 'test-results';

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  await runIdleContainer(docker, harness().busyboxImage, name);
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(serve.url);
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await docker
    ?.getContainer(name)
    .remove({ force: true })
    .catch(() => undefined);
  await browser?.close();
  await serve?.stop();
});

describe('command palette and shortcuts', () => {
  it("Ctrl+K, the container's name, Enter: its page opens; Escape-closed palette gives focus back", async () => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    const palette = new CommandPalette(page);
    await palette.openWithKeys();
    await palette.search().fill(name);
    // The first item is the container's page; arrows move, Enter runs.
    await palette.item(`Go to ${name}`).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/palette-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(page.url()).toContain(`#/containers/${name}`);
    await palette.dialog().waitFor({ state: 'detached' });

    await palette.openWithKeys();
    await page.keyboard.press('Escape');
    await palette.dialog().waitFor({ state: 'detached' });
  });

  it("a single key opens a tab of the container's page, but not while typing in a field", async () => {
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.locator('body').click({ position: { x: 700, y: 20 } });
    await page.keyboard.press('n');
    await page.getByRole('tab', { name: 'Info', selected: true }).waitFor();
    expect(page.url()).toContain('tab=info');
    await page.keyboard.press('m');
    await page.getByRole('tab', { name: 'Stats', selected: true }).waitFor();

    // g then n: the Networks page; typed into the filter, the same letters stay in the field.
    await page.keyboard.press('g');
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'Networks', level: 1 }).waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter networks' });
    await filter.click();
    await page.keyboard.type('gc');
    expect(await filter.inputValue()).toBe('gc');
    expect(await page.getByRole('heading', { name: 'Networks', level: 1 }).isVisible()).toBe(true);
  });

  it('? lists the shortcuts; the palette button opens the palette and lists commands with their keys', async () => {
    await page.locator('body').click({ position: { x: 700, y: 20 } });
    await page.keyboard.press('Shift+?');
    const palette = new CommandPalette(page);
    await palette.help().waitFor();
    expect(await palette.help().getByRole('region', { name: 'Go to a page' }).textContent()).toContain('Containers');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/palette-help-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await palette.help().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Commands/ }).click();
    await palette.search().fill('go to images');
    const item = palette.item(/^Go to Images/);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/G.*I/);
    await item.click();
    await page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
  });

  it('pauses a container from the palette and resumes it (found by "unpause"): the engine agrees each time', async () => {
    const palette = new CommandPalette(page);
    const container = docker.getContainer(name);
    await palette.openWithKeys();
    await palette.search().fill(`pause ${name}`);
    await palette.item(`Pause ${name}`).click();
    await palette.dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await container.inspect()).State.Status, { timeout: 10_000 }).toBe('paused');

    // The palette offers by state: once the list has the container paused, Resume is there and Pause is not.
    await expect
      .poll(
        async () => {
          await palette.openWithKeys();
          await palette.search().fill(`unpause ${name}`);
          const offered = await palette.item(`Resume ${name}`).isVisible();
          if (!offered) await page.keyboard.press('Escape');
          return offered;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await palette.search().fill(`pause ${name}`);
    expect(await palette.item(`Pause ${name}`).count()).toBe(0);
    await palette.search().fill(`unpause ${name}`);
    await palette.item(`Resume ${name}`).click();
    await palette.dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await container.inspect()).State.Status, { timeout: 10_000 }).toBe('running');
  });
});
