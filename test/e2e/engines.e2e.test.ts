// End to end: the Engine page of `berth serve` in Chromium. (a) The engine found in the environment (the
// harness's private engine) is listed as active with its version, and diagnostics (copied and shown) carry no
// registry secret from the docker config. (b) A Berth engine added from the page runs its own dockerd, is
// stopped and started again from the page; made active, it is what the Containers page shows; it is removed
// with its data at the end.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import Docker from 'dockerode';
import { pullImage } from '../harness/busybox-image';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainersPage } from './pages/containers-page';
import { EnginePage } from './pages/engine-page';
import { StatusBar } from './pages/status-bar';

// What `docker login` would leave: the auth must never reach the diagnostics.
const secretAuth = Buffer.from(`e2e-user:${randomBytes(12).toString('hex')}`).toString('base64');
const ownedName = `e2e-${randomBytes(3).toString('hex')}`;
const dirs: string[] = [];
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let added = false;

function tempDir(prefix: string): string {
  // Under /tmp and short: dockerd's and containerd's socket paths must fit in 108 bytes.
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const dockerConfig = tempDir('berth-e2e-dc-');
  writeFileSync(
    join(dockerConfig, 'config.json'),
    JSON.stringify({ auths: { [harness().registry]: { auth: secretAuth } } }),
  );
  serve = await startServe(harness().dockerHost, [], {
    DOCKER_CONFIG: dockerConfig,
    BERTH_CONFIG_DIR: tempDir('berth-e2e-cfg-'),
    BERTH_DATA_DIR: tempDir('berth-e2e-data-'),
    BERTH_RUNTIME_DIR: tempDir('be-rt-'),
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(serve.url).origin });
  page = await context.newPage();
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  // Through the core, not the page: the engine must go (with its dockerd and data) even when a step failed.
  if (added && serve) {
    await invokeCore('engines:remove', { id: `berth-${ownedName}`, deleteData: true }).catch((error: unknown) =>
      console.error('[e2e] could not remove the Berth engine', error, serve.output()),
    );
  }
  await browser?.close();
  await serve?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One request over serve's WebSocket bridge, as the renderer sends it. */
async function invokeCore(channel: string, payload: unknown): Promise<unknown> {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/bridge?token=${encodeURIComponent(serve.token)}`);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const reply = await new Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>(
      (resolve) => {
        socket.on('message', (data: WebSocket.RawData) => {
          const frame = JSON.parse(data.toString()) as { type: string; id?: number; reply?: never };
          if (frame.type === 'reply' && frame.id === 1 && frame.reply) resolve(frame.reply);
        });
        socket.send(JSON.stringify({ id: 1, channel, payload }));
      },
    );
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code}: ${reply.error?.message}`);
    return reply.data;
  } finally {
    socket.close();
  }
}

describe('Engine page', () => {
  it('lists the discovered engine as active with its version, and diagnostics without secrets', async () => {
    const engines = new EnginePage(page);
    const status = new StatusBar(page);
    await engines.open();
    await engines.waitForState('discovered', 'Running');
    await expect(engines.engine('discovered').textContent()).resolves.toContain('Active');
    const details = engines.details('discovered');
    await details
      .getByText(/Docker Engine \d+\.\d+/)
      .first()
      .waitFor();
    await status.waitForEngine('Connected', 10_000, 'discovered');

    await engines.copyDiagnosticsButton().click();
    await engines.copiedStatus().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shown = await engines.diagnosticsText();
    for (const text of [copied, shown]) {
      expect(text.length).toBeGreaterThan(100);
      expect(text).toContain(harness().dockerHost.replace('unix://', ''));
      expect(text).not.toContain(secretAuth);
    }
  });

  it("keeps the active engine's container counts in step with container events", async () => {
    const engines = new EnginePage(page);
    await engines.open();
    await engines.waitForState('discovered', 'Running');
    const fact = engines
      .details('discovered')
      .locator('.fact', { has: page.locator('dt', { hasText: /^Containers$/ }) })
      .locator('dd');
    await fact.getByText(/\d+ running of \d+/).waitFor();
    const [running, total] = (await fact.textContent())!.match(/\d+/g)!.map(Number) as [number, number];
    const docker = new Docker({ socketPath: harness().socketPath });
    const container = await docker.createContainer({
      name: `e2e-counts-${randomBytes(3).toString('hex')}`,
      Image: harness().busyboxImage,
      Cmd: ['sleep', '3600'],
    });
    try {
      // Before the fix the counts were those of when Berth connected, whatever happened after.
      await fact.getByText(`${running} running of ${total + 1}`).waitFor({ timeout: 5_000 });
      await container.start();
      await fact.getByText(`${running + 1} running of ${total + 1}`).waitFor({ timeout: 5_000 });
    } finally {
      await container.remove({ force: true });
    }
    await fact.getByText(`${running} running of ${total}`).waitFor({ timeout: 5_000 });
  });

  it('offers a Linux VM that suspends instead of shutting down, on by default', async () => {
    const engines = new EnginePage(page);
    await engines.open();
    await page.getByRole('button', { name: 'Add engine…' }).click();
    const dialog = engines.addDialog();
    await dialog.getByRole('radio', { name: 'Linux VM (QEMU)' }).check();
    const suspend = dialog.getByRole('checkbox', { name: /^Suspend the VM instead of shutting it down/ });
    expect(await suspend.isChecked()).toBe(true);
    await page.screenshot({ path: 'test-results/add-vm-suspend.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/add-vm-suspend-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('adds a Berth engine, stops and starts it from the page, and made active it is what the Containers page shows', async () => {
    const engines = new EnginePage(page);
    await engines.open();
    await engines.addOwned(ownedName, 120_000);
    added = true;
    await engines.waitForState(ownedName, 'Running', 90_000);
    await engines.select(ownedName);
    await engines.log(ownedName).filter({ hasText: /\S/ }).waitFor();
    // Berth runs as root here (the tests do), so its engine does, and the page says so and what it means.
    const mode = engines.details(ownedName).getByRole('region', { name: 'Runs as root' });
    expect(await mode.textContent()).toContain('Berth runs as root, so its engine does too');

    await engines.button(ownedName, 'Stop').click();
    await engines.waitForState(ownedName, 'Stopped', 60_000);
    await page.screenshot({ path: 'test-results/engine-stopped.png' });
    expect(await engines.button(ownedName, 'Start').isEnabled()).toBe(true);

    await engines.button(ownedName, 'Start').click();
    await engines.waitForState(ownedName, 'Running', 90_000);
    await engines
      .details(ownedName)
      .getByText(/Docker Engine \d+\.\d+/)
      .first()
      .waitFor();
    // A container that only the Berth engine has: the Containers page shows it once that engine is active.
    const views = (await invokeCore('engines:list', {})) as Array<{ id: string; host: string }>;
    const owned = new Docker({
      socketPath: views.find((view) => view.id === `berth-${ownedName}`)!.host.replace('unix://', ''),
    });
    await pullImage(owned, harness().registryImage);
    const only = `${ownedName}-only`;
    await (await owned.createContainer({ Image: harness().registryImage, name: only, Cmd: ['sleep', '3600'] })).start();
    const containers = new ContainersPage(page);
    await containers.open();
    // Loaded (its count line is there) from the discovered engine, which does not have that container.
    await page.getByText(/\d+ running · \d+ total/).waitFor();
    expect(await containers.row(only).count()).toBe(0);
    await engines.open();
    await engines.select(ownedName);
    await engines.button(ownedName, 'Set active').click();
    await expect.poll(() => engines.engine(ownedName).textContent()).toContain('Active');
    await containers.open();
    await containers.row(only).waitFor({ timeout: 15_000 });
    await engines.open();

    await engines.remove(ownedName, true);
    added = false;
    await engines.engine(ownedName).waitFor({ state: 'detached' });
  });
});
