// The real Electron shell, driven by Playwright's `_electron`: launch, the renderer's lockdown, the Containers
// page and a container's page, the tray menu built from the engine and its running containers, and quitting
// without leaving a process. It runs wherever an Electron runtime is installed; where none is (these build
// machines cannot download one), it is skipped and says why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestContainers, runIdleContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';

const root = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): { path: string | null; why: string } {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile))
    return { path: null, why: 'node_modules/electron has no runtime (its binary download cannot reach its host here)' };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (!existsSync(binary)) return { path: null, why: `the Electron runtime ${binary} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY)
    return { path: null, why: 'no display: run under xvfb-run' };
  return { path: binary, why: '' };
}

const electron = electronBinary();
if (!electron.path) console.warn(`[electron] Electron app suite skipped: ${electron.why}.`);

describe.skipIf(!electron.path)(`Electron app${electron.path ? '' : ` (skipped: ${electron.why})`}`, () => {
  let app: ElectronApplication;
  let appWindow: Page;
  let home: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'berth-electron-home-'));
    app = await _electron.launch({
      executablePath: electron.path!,
      // Chromium refuses to run its OS sandbox as root; the renderer's own `sandbox: true` still applies.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      env: {
        PATH: process.env.PATH ?? '',
        DISPLAY: process.env.DISPLAY ?? '',
        HOME: home,
        DOCKER_HOST: harness().dockerHost,
        // Berth refuses root (root-refusal.ts); a CI container where only root exists says so explicitly.
        ...(process.getuid?.() === 0 ? { BERTH_ALLOW_ROOT: '1' } : {}),
      },
    });
    appWindow = await app.firstWindow();
    await appWindow.getByRole('heading', { level: 1 }).first().waitFor();
  });

  afterAll(async () => {
    // The last test quits the app itself; close() is for a run that stopped before it.
    await app?.close().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
    await removeTestContainers(new Docker({ socketPath: harness().socketPath }));
  });

  it('locks the renderer down: isolation, sandbox, no Node, only window.berth', async () => {
    const seen = await appWindow.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      berth: Object.keys((window as unknown as { berth: object }).berth).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', berth: ['invoke', 'on'] });
  });

  it('loads Berth from app:// with the CSP as a response header, not from file://', async () => {
    expect(appWindow.url()).toMatch(/^app:\/\/berth\/index\.html/);
    // Asked from the main process: the page itself may not fetch anything (connect-src 'none').
    const policy = await app.evaluate(async ({ net }) =>
      (await net.fetch('app://berth/index.html')).headers.get('content-security-policy'),
    );
    expect(policy).toContain("connect-src 'none'");
  });

  it('serves the contract over IPC and refuses unknown channels', async () => {
    const [list, unknown] = await appWindow.evaluate(async () => {
      const berth = (window as unknown as { berth: { invoke(c: string, p: unknown): Promise<unknown> } }).berth;
      return [await berth.invoke('containers:list', { all: true }), await berth.invoke('shell:exec', { cmd: 'id' })];
    });
    expect(list).toMatchObject({ ok: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('denies window.open and navigation away from Berth', async () => {
    const before = appWindow.url();
    const opened = await appWindow.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await appWindow.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await appWindow.waitForTimeout(500);
    expect(appWindow.url()).toBe(before);
  });

  it('shows the Containers page and a container’s page', async () => {
    // A container of its own, so that there is always one to open.
    const name = `electron-open-${randomBytes(3).toString('hex')}`;
    await runIdleContainer(new Docker({ socketPath: harness().socketPath }), harness().busyboxImage, name);
    const containers = new ContainersPage(appWindow);
    await containers.open();
    await containers.nameLink(name).click({ timeout: 10_000 });
    const detail = new ContainerDetailPage(appWindow);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').waitFor();
  });

  it('builds the tray menu: the engine running, a container started now, Open Berth and Quit Berth', async () => {
    // Electron gives no way to read a tray's menu back, so the templates the shell builds menus from are recorded
    // in the main process; the tray rebuilds its menu (within half a second) when the containers change.
    await app.evaluate(({ Menu }) => {
      const seen = globalThis as { berthTrayMenus?: string[][] };
      seen.berthTrayMenus = [];
      const build = Menu.buildFromTemplate.bind(Menu);
      Menu.buildFromTemplate = (template) => {
        const labels = template.map((item) => item.label ?? `(${item.type ?? 'item'})`);
        // The application menu is built from a template too; the tray's is the one that offers Open Berth.
        if (labels.includes('Open Berth')) seen.berthTrayMenus!.push(labels);
        return build(template);
      };
    });
    const name = `electron-tray-${randomBytes(3).toString('hex')}`;
    await runIdleContainer(new Docker({ socketPath: harness().socketPath }), harness().busyboxImage, name);
    const lastTrayMenu = () =>
      app.evaluate(() => (globalThis as { berthTrayMenus?: string[][] }).berthTrayMenus?.at(-1) ?? []);
    await expect.poll(lastTrayMenu, { timeout: 10_000 }).toContain(name);
    const labels = await lastTrayMenu();
    expect(labels[0]).toMatch(/: running$/);
    expect(labels.slice(-2)).toEqual(['Open Berth', 'Quit Berth']);
  });

  it('keeps running in the tray when the window closes, and quits leaving no process behind', async () => {
    const pid = app.process().pid!;
    await appWindow.close();
    // Hidden, not gone: the main process still answers.
    await expect(app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).resolves.toBe(1);
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await app.waitForEvent('close', { timeout: 30_000 }).catch(() => undefined);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let tries = 0; tries < 50 && alive(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive()).toBe(false);
  });
});
