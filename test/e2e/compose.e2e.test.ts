// End to end in Chromium: a two-service compose file brought up from the Containers page's "Up from compose
// file…" dialog (the CLI's output streamed into it) shows as one project with 2/2 running; its row opens to
// list both containers; Stop and Start act on both; Down from the project's menu takes it away and the project row goes. A file with an
// error shows compose's message and a failed exit. Screenshots light and dark.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ComposePanel } from './pages/compose-panel';
import { ContainersPage } from './pages/containers-page';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
let dir: string;
const project = `e2e-compose-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  dir = await mkdtemp(join(tmpdir(), 'berth-compose-e2e-'));
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  const left = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  await Promise.all(
    left.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  const networks = await docker.listNetworks({ filters: { label: [`com.docker.compose.project=${project}`] } });
  await Promise.all(
    networks.map((n) =>
      docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined),
    ),
  );
  await browser?.close();
  await serve?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: `test-results/compose-${name}-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/compose-${name}-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Compose from the Containers page', () => {
  it('brings a two-service file up, groups it with 2/2 running, and takes it down', async () => {
    const file = join(dir, 'docker-compose.yml');
    const service = (name: string) =>
      [`  ${name}:`, `    image: ${harness().busyboxImage}`, '    command: sleep 1000', '    init: true'].join('\n');
    await writeFile(file, ['version: "2.4"', 'services:', service('web'), service('worker'), ''].join('\n'));

    const containers = new ContainersPage(page);
    const compose = new ComposePanel(page);
    await containers.open();
    await compose.upButton().click();
    const dialog = compose.upDialog();
    await dialog.waitFor();
    // The dialog says which CLI it runs before anything starts.
    await dialog.getByText(/Runs docker(-| )compose/).waitFor({ timeout: 30_000 });
    await compose.fileField().fill(file);
    await compose.projectField().fill(project);
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.outcome(dialog).filter({ hasText: 'Done (exit code 0)' }).waitFor({ timeout: 120_000 });
    const output = (await compose.output(dialog).textContent()) ?? '';
    expect(output).toContain('up -d');
    expect(output).toMatch(/web|worker/);
    await shoot('up-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const row = compose.project(project);
    await row.filter({ hasText: '2/2 running' }).waitFor({ timeout: 15_000 });
    await compose.projectToggle(project).click();
    const members = compose.projectMembers(project);
    await members.waitFor();
    expect(await members.getByRole('listitem').count()).toBe(2);
    // Summed usage arrives with the first stats ticks.
    await row.filter({ hasText: /CPU .*Memory/ }).waitFor({ timeout: 20_000 });
    await shoot('project');

    // The project's actions act on all its containers.
    await compose.projectAction(project, 'Stop');
    await row.filter({ hasText: '0/2 running' }).waitFor({ timeout: 60_000 });
    await compose.projectAction(project, 'Start');
    await row.filter({ hasText: '2/2 running' }).waitFor({ timeout: 60_000 });

    await compose.projectAction(project, 'Down…');
    const down = compose.downDialog(project);
    await down.getByRole('button', { name: 'Down', exact: true }).click();
    await compose.outcome(down).filter({ hasText: 'Done (exit code 0)' }).waitFor({ timeout: 120_000 });
    await down.getByRole('button', { name: 'Close' }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    expect(left).toEqual([]);
  });

  it("shows compose's message and a failed exit for a file with an error", async () => {
    const file = join(dir, 'broken.yml');
    await writeFile(
      file,
      `version: "2.4"\nservices:\n  web:\n    image: ${harness().busyboxImage}\n    bogus_key: 1\n`,
    );
    const compose = new ComposePanel(page);
    await compose.upButton().click();
    const dialog = compose.upDialog();
    await compose.fileField().fill(file);
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose
      .outcome(dialog)
      .filter({ hasText: /failed with exit code [1-9]/ })
      .waitFor({ timeout: 60_000 });
    expect(await compose.output(dialog).textContent()).toContain('bogus_key');
    await shoot('error');

    await compose.fileField().fill(join(dir, 'missing.yml'));
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.outcome(dialog).filter({ hasText: 'No compose file at' }).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
