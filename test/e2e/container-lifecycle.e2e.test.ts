// End to end in Chromium through `berth serve` and the private engine, as a user does it: restart a container
// from its row; remove three selected containers with the bulk bar while one of them is removed elsewhere
// first; an exited container's page with its exit code and last lines; an OOM-killed one; a paused one; the
// questions before remove and kill. Every outcome is checked against the engine. Screenshots (light and dark)
// of each step go to BERTH_SCREENSHOTS.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { removeTestContainers, runIdleContainer, runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { CommandPalette } from './pages/command-palette';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';

const MiB = 1024 * 1024;
const shots = process.env.BERTH_SCREENSHOTS ?? 'test-results';
const suffix = randomBytes(3).toString('hex');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
/** Run once, just before the page's next bulk remove request reaches the core (then cleared). */
let beforeBulkRemove: (() => Promise<void>) | null = null;

function isBulkRemove(message: string | Buffer): boolean {
  if (typeof message !== 'string') return false;
  const frame = JSON.parse(message) as { channel?: string; payload?: { action?: string } };
  return frame.channel === 'containers:bulk' && frame.payload?.action === 'remove';
}

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shots}/lifecycle-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function startedAt(id: string): Promise<string> {
  return (await docker.getContainer(id).inspect()).State.StartedAt;
}

async function existing(names: string[]): Promise<string[]> {
  const listed = await docker.listContainers({ all: true });
  return names.filter((name) => listed.some((info) => info.Names.includes(`/${name}`)));
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  // The bridge's socket passes through untouched, except that a bulk remove can be held back while the test
  // removes one of its containers through the engine: the race of a container gone between select and confirm.
  await page.routeWebSocket(
    () => true,
    (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        const hook = beforeBulkRemove;
        if (hook && isBulkRemove(message)) {
          beforeBulkRemove = null;
          void hook().then(() => server.send(message));
        } else server.send(message);
      });
    },
  );
  await page.goto(serve.url);
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (docker) await removeTestContainers(docker);
});

describe('container lifecycle', () => {
  it('restarts a running container from its row: the engine has a new start time and the row is running', async () => {
    const name = `e2e-restart-${suffix}`;
    const container = await runIdleContainer(docker, harness().busyboxImage, name);
    const before = await startedAt(container.id);
    const containers = new ContainersPage(page);
    await containers.open();
    await containers.filter().fill(suffix);
    await containers.row(name).filter({ hasText: 'running' }).waitFor({ timeout: 10_000 });
    await containers
      .row(name)
      .getByRole('button', { name: `More actions for ${name}` })
      .click();
    await shoot('row-menu');
    await page.keyboard.press('Escape');

    await containers.rowMenuAction(name, 'Restart');
    await expect.poll(() => startedAt(container.id), { timeout: 20_000 }).not.toBe(before);
    expect((await container.inspect()).State.Running).toBe(true);
    await containers.row(name).filter({ hasText: 'running' }).waitFor({ timeout: 10_000 });
    await containers.rowButton(name, 'Stop').waitFor();
    await shoot('list');

    // Asked first, and nothing happens on Cancel: remove from the row, kill from the palette.
    await containers.rowButton(name, 'Remove').click();
    const remove = containers.confirmDialog(`Remove ${name}?`);
    expect(await remove.textContent()).toContain('It is running: it is stopped first.');
    await shoot('remove-confirm');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    const palette = new CommandPalette(page);
    await palette.openWithKeys();
    await palette.search().fill(`kill ${name}`);
    await palette.item(`Kill ${name}`).click();
    const kill = containers.confirmDialog(`Kill ${name}?`);
    await kill.waitFor();
    await shoot('kill-confirm');
    await kill.getByRole('button', { name: 'Cancel' }).click();
    await kill.waitFor({ state: 'detached' });
    expect((await container.inspect()).State.Running).toBe(true);
  });

  it('bulk-removes three containers, two running; one removed elsewhere first is reported, the others go', async () => {
    const names = ['a', 'b', 'c'].map((letter) => `e2e-bulk-rm-${letter}-${suffix}`);
    const [first, second, stopped] = names as [string, string, string];
    await runIdleContainer(docker, harness().busyboxImage, first);
    await runIdleContainer(docker, harness().busyboxImage, second);
    const exited = await runTestContainer(docker, { image: harness().busyboxImage, name: stopped, cmd: ['true'] });
    await exited.wait();

    const containers = new ContainersPage(page);
    await containers.open();
    await containers.filter().fill(suffix);
    await containers.row(stopped).filter({ hasText: 'exited' }).waitFor({ timeout: 10_000 });
    for (const name of names) await containers.select(name);
    await containers.bulkBar().getByText('3 selected').waitFor();
    await shoot('bulk-bar');

    await containers.bulkButton('Remove…').click();
    const question = containers.confirmDialog('Remove 3 containers?');
    await question.waitFor();
    // The running ones are removed with force, and the question says so.
    expect(await question.textContent()).toContain('2 running: they are stopped first');
    await shoot('bulk-confirm');

    // Between the confirm and the core, the second container is removed through the engine.
    beforeBulkRemove = () => docker.getContainer(second).remove({ force: true });
    await question.getByRole('button', { name: 'Remove 3' }).click();
    const results = containers.bulkResults();
    await results.waitFor({ timeout: 20_000 });
    expect(await results.getByRole('heading').textContent()).toBe('Removed 2 of 3 containers');
    expect(await containers.bulkResult(first).textContent()).toContain('done');
    expect(await containers.bulkResult(stopped).textContent()).toContain('done');
    const failure = (await containers.bulkResult(second).textContent()) ?? '';
    expect(failure).toMatch(/failed: it no longer exists \(removed elsewhere\)/);
    await shoot('bulk-results');
    await results.getByRole('button', { name: 'Close' }).click();

    expect(await existing(names)).toEqual([]);
    for (const name of names) await containers.row(name).waitFor({ state: 'detached', timeout: 10_000 });
    await containers.filter().fill('');
  });

  it("an exited container's page shows exit code 3 and its last lines, stderr marked apart", async () => {
    const name = `e2e-exit3-${suffix}`;
    // Pauses between the streams: the engine copies stdout and stderr separately and may store lines written
    // in the same instant out of order.
    const script = 'echo starting; sleep 0.3; echo "config missing" >&2; sleep 0.3; echo giving up; exit 3';
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', script],
    });
    expect((await container.wait()).StatusCode).toBe(3);
    const detail = new ContainerDetailPage(page);
    await detail.open(name);
    await detail.heading(name).waitFor();
    await detail.exitPanel().waitFor({ timeout: 10_000 });
    expect(await detail.exitPanel().getByRole('heading').textContent()).toMatch(/^Exited with code 3\b/);
    await expect
      .poll(async () => (await detail.lastOutput().textContent())?.trim().split('\n'))
      .toEqual(['starting', 'config missing', 'giving up']);
    expect(await detail.lastOutput().locator('.exit-line-stderr').allTextContents()).toEqual(['config missing\n']);
    await shoot('exited');
  });

  it("an OOM-killed container's page says it was killed: out of memory", async () => {
    // tail keeps a line with no newline whole in memory: 64 MiB of it in an 8 MiB container. Docker 20.10 sets
    // OOMKilled only when containerd's OOM event comes before the exit event; when they race the other way the
    // engine itself says nothing of the kill, so the container is made again (at most three times) until the
    // engine reports it, which is what the page is then checked against.
    let name = '';
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      name = `e2e-oom-${suffix}-${attempt}`;
      const container = await runTestContainer(docker, {
        image: harness().busyboxImage,
        name,
        cmd: ['sh', '-c', 'head -c 64m /dev/zero | tail'],
        hostConfig: { Memory: 8 * MiB, MemorySwap: 8 * MiB },
      });
      await container.wait();
      if ((await container.inspect()).State.OOMKilled) break;
      if (attempt === 3) throw new Error('the engine reported no OOM kill in three containers killed for memory');
    }
    const detail = new ContainerDetailPage(page);
    await detail.open(name);
    await detail.heading(name).waitFor();
    await detail.exitPanel().waitFor({ timeout: 10_000 });
    expect(await detail.exitPanel().textContent()).toMatch(/killed: out of memory/i);
    await shoot('oom');
  });

  it("a paused container's page offers Resume, and resuming it runs it again", async () => {
    const name = `e2e-paused-${suffix}`;
    const container = await runIdleContainer(docker, harness().busyboxImage, name);
    await container.pause();
    const detail = new ContainerDetailPage(page);
    await detail.open(name);
    await detail.heading(name).waitFor();
    await detail.actionButton('Resume', name).waitFor({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Paused', exact: true }).waitFor();
    await shoot('paused');
    await detail.actionButton('Resume', name).click();
    await expect.poll(async () => (await container.inspect()).State.Status, { timeout: 10_000 }).toBe('running');
    await detail.actionButton('Stop', name).waitFor({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Paused', exact: true }).waitFor({ state: 'detached' });
  });
});
