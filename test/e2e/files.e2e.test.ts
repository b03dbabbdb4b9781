// End to end in Chromium through `berth serve`: a running container's Files tab, used as a person would: into a
// folder from the table (a click, then Enter on a row), back through the path trail, a file downloaded and its
// content checked, a file uploaded through the file input and then listed; with light and dark screenshots.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { TEST_LABEL } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { FilesTab } from './pages/files-tab';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
let container: Dockerode.Container;
let stopped: Dockerode.Container;
const name = `e2e-files-${randomBytes(3).toString('hex')}`;
const pageErrors: string[] = [];
const shots = process.env.BERTH_SHOTS_DIR ?? 'test-results';

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  container = await docker.createContainer({
    Image: harness().busyboxImage,
    name,
    Cmd: [
      'sh',
      '-c',
      [
        'echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd',
        'echo "root:x:0:" > /etc/group',
        'mkdir -p /work/notes',
        'printf "hello from the container\\n" > /work/hello.txt',
        'printf "a note" > /work/notes/first.md',
        'ln -s hello.txt /work/latest',
        'exec sleep 3600',
      ].join(' && '),
    ],
    Labels: { [TEST_LABEL]: '1', 'berth.e2e': 'files' },
    StopTimeout: 1,
  });
  await container.start();
  stopped = await docker.createContainer({
    Image: harness().busyboxImage,
    name: `${name}-stopped`,
    Cmd: ['sh', '-c', 'mkdir /kept && printf "left behind" > /kept/last-words.txt'],
    Labels: { [TEST_LABEL]: '1', 'berth.e2e': 'files' },
  });
  await stopped.start();
  await stopped.wait();
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
  mkdirSync(shots, { recursive: true });
  const containers = new ContainersPage(page);
  await containers.open();
  await containers.nameLink(name).click();
  await new ContainerDetailPage(page).heading(name).waitFor();
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
  await stopped?.remove({ force: true }).catch(() => undefined);
  await browser?.close();
  await serve?.stop();
});

describe('the Files tab', () => {
  it('opens a folder from the table and goes back through the path trail', async () => {
    const files = new FilesTab(page);
    await files.tab().click();
    await files.row('/', 'work').waitFor({ timeout: 15_000 });
    await files.row('/', 'bin').waitFor();
    await files.row('/', 'work').click();
    await files.row('/work', 'hello.txt').waitFor({ timeout: 10_000 });
    expect(await files.currentFolder().textContent()).toBe('work');
    const hello = await files.row('/work', 'hello.txt').textContent();
    expect(hello).toContain('25 B');
    expect(hello).toContain('-rw-r--r--');
    expect(hello).toContain('root:root');
    expect(await files.row('/work', 'latest').textContent()).toContain('→ hello.txt');

    // The keyboard: focus a row, Enter opens it.
    await files.row('/work', 'notes').focus();
    await page.keyboard.press('Enter');
    await files.row('/work/notes', 'first.md').waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('path=%2Fwork%2Fnotes');

    await files.breadcrumbStep('/work').click();
    await files.row('/work', 'hello.txt').waitFor({ timeout: 10_000 });
    await files.breadcrumbStep('/').click();
    await files.row('/', 'work').waitFor({ timeout: 10_000 });
    await files.row('/', 'work').click();
    await files.row('/work', 'hello.txt').waitFor({ timeout: 10_000 });
  });

  it('downloads a file with its content', async () => {
    const files = new FilesTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), files.download('hello.txt').click()]);
    expect(download.suggestedFilename()).toBe('hello.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe('hello from the container\n');
    await expect.poll(() => files.status().textContent()).toContain('Downloaded hello.txt (25 B)');
  });

  it('uploads a file through the file input and lists it', async () => {
    const files = new FilesTab(page);
    await files.uploadInput(name).setInputFiles({
      name: 'uploaded.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('sent from the browser'),
    });
    await expect
      .poll(() => files.status().textContent(), { timeout: 10_000 })
      .toContain('Uploaded uploaded.txt (21 B) into /work');
    await files.row('/work', 'uploaded.txt').waitFor({ timeout: 10_000 });
    expect(await files.row('/work', 'uploaded.txt').textContent()).toContain('21 B');
    const [download] = await Promise.all([page.waitForEvent('download'), files.download('uploaded.txt').click()]);
    expect(await readFile(await download.path(), 'utf8')).toBe('sent from the browser');
  });

  it('says plainly when a path does not exist', async () => {
    const files = new FilesTab(page);
    await page.goto(
      `${new URL(page.url()).origin}${new URL(page.url()).pathname}#/containers/${name}?tab=files&path=/no/such`,
    );
    await files.alert().waitFor({ timeout: 10_000 });
    expect(await files.alert().textContent()).toContain('has no file or folder at /no/such');
    await page.screenshot({ path: `${shots}/files-missing-light.png` });
    // The trail still leads up from a path that does not exist.
    await files.breadcrumbStep('/').click();
    await files.row('/', 'work').waitFor({ timeout: 10_000 });
  });

  it('browses a stopped container too', async () => {
    const files = new FilesTab(page);
    const base = `${new URL(page.url()).origin}${new URL(page.url()).pathname}`;
    await page.goto(`${base}#/containers/${name}-stopped?tab=files&path=/kept`);
    await files.row('/kept', 'last-words.txt').waitFor({ timeout: 15_000 });
    expect(await files.row('/kept', 'last-words.txt').textContent()).toContain('11 B');
    expect(await files.panel(`${name}-stopped`).textContent()).toContain('is not running');
  });

  it('looks right in light and dark', async () => {
    const files = new FilesTab(page);
    await page.goto(
      `${new URL(page.url()).origin}${new URL(page.url()).pathname}#/containers/${name}?tab=files&path=/work`,
    );
    await files.row('/work', 'hello.txt').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${shots}/files-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/files-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(pageErrors).toEqual([]);
  });
});
