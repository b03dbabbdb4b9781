// End to end: building from the Images page of `berth serve` in Chromium, as a user would. A one-line
// Dockerfile (FROM the harness busybox image) is built from its folder with a tag, the output streams in and
// ends with the image; Run starts a container of it and lands on its page, running. A failing step shows the
// step and the engine's words; a folder without a Dockerfile is refused in the form.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ImagesPage } from './pages/images-page';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
const pageErrors: string[] = [];
const suffix = randomBytes(4).toString('hex');
const tag = `berth-test/build-e2e:${suffix}`;
const folders: string[] = [];
const containersMade: string[] = [];

async function contextWith(dockerfile: string | null): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'berth-build-e2e-'));
  folders.push(folder);
  if (dockerfile !== null) await writeFile(join(folder, 'Dockerfile'), dockerfile);
  return folder;
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  for (const id of containersMade)
    await docker
      .getContainer(id)
      .remove({ force: true })
      .catch(() => undefined);
  await docker
    .getImage(tag)
    .remove({ force: true })
    .catch(() => undefined);
  await browser?.close();
  await serve?.stop();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

const dialog = () => page.getByRole('dialog', { name: 'Build an image' });
const field = (name: string) => dialog().getByRole('textbox', { name, exact: true });

async function openBuildDialog(): Promise<void> {
  await new ImagesPage(page).open();
  await page.getByRole('button', { name: 'Build…', exact: true }).click();
  await dialog().waitFor();
}

describe('Build dialog', () => {
  it('refuses a folder without a Dockerfile in the form, saying so', async () => {
    const empty = await contextWith(null);
    await openBuildDialog();
    await field('Folder (build context)').fill('relative/path');
    await dialog().getByRole('button', { name: 'Build', exact: true }).click();
    await dialog().getByText('Type an absolute path').waitFor();
    await field('Folder (build context)').fill(empty);
    await dialog().getByRole('button', { name: 'Build', exact: true }).click();
    await dialog()
      .getByRole('alert')
      .filter({ hasText: `There is no Dockerfile in ${empty}` })
      .waitFor();
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('shows the failing step and the engine message', async () => {
    const folder = await contextWith(`FROM ${harness().busyboxImage}\nRUN false\n`);
    await openBuildDialog();
    await field('Folder (build context)').fill(folder);
    await dialog().getByRole('button', { name: 'Build', exact: true }).click();
    const failure = dialog().getByRole('alert').filter({ hasText: 'The build failed' });
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.textContent()).toMatch(/Step 2\/2 : RUN false.*returned a non-zero code: 1/);
    await page.screenshot({ path: '/tmp/build-failed-light.png' });
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('builds a one-line Dockerfile with a tag, streams the output, then runs the image', async () => {
    const folder = await contextWith(`FROM ${harness().busyboxImage}\nRUN echo hi > /hi\nCMD ["sleep", "3600"]\n`);
    await openBuildDialog();
    await field('Folder (build context)').fill(folder);
    await field('Tag').fill(tag);
    await dialog().getByRole('button', { name: 'Add build argument' }).click();
    await dialog().getByRole('textbox', { name: 'Name of build argument 1' }).fill('UNUSED');
    await dialog().getByRole('textbox', { name: 'Value of build argument 1' }).fill('1');
    await page.screenshot({ path: '/tmp/build-form-light.png' });
    await dialog().getByRole('button', { name: 'Build', exact: true }).click();
    const log = dialog().getByRole('log', { name: 'Build output' });
    await dialog()
      .getByRole('status')
      .filter({ hasText: `Built ${tag}` })
      .waitFor({ timeout: 60_000 });
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('Sending the build context to the engine: 1 file,');
    expect(text).toContain('Step 2/3 : RUN echo hi > /hi');
    expect(text).toMatch(/Built image sha256:[0-9a-f]{64} tagged /);
    await page.screenshot({ path: '/tmp/build-done-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/build-done-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await dialog()
      .getByRole('button', { name: `Run ${tag}`, exact: true })
      .click();
    await page.waitForURL(/#\/containers\/[0-9a-f]{12,}/, { timeout: 30_000 });
    const id = /#\/containers\/([0-9a-f]+)/.exec(page.url())![1]!;
    containersMade.push(id);
    await page.getByRole('main').locator('.detail-toolbar .badge', { hasText: 'running' }).waitFor({ timeout: 15_000 });
    const container = await docker.getContainer(id).inspect();
    expect(container.Config.Image).toBe(tag);
    expect(container.State.Running).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
