// End to end: a stopped VM engine's Shared folders panel on the Engine page of `berth serve` in Chromium, with
// the real core (no VM boots: the setting of a stopped VM is edited and saved). Adding a folder and saving
// writes settings.json; a folder that does not exist, one nested in another and one covering the guest's /etc
// are refused with their own message; removing a folder saves the shorter list. Screenshots light and dark.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { EnginePage } from './pages/engine-page';

const dirs: string[] = [];
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let configDir: string;
let home: string;
let src: string;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const savedFolders = () =>
  (
    JSON.parse(readFileSync(join(configDir, 'settings.json'), 'utf8')) as {
      engines: Array<{ sharedFolders?: string[] }>;
    }
  ).engines[0].sharedFolders;

beforeAll(async () => {
  configDir = tempDir('berth-e2e-cfg-');
  home = tempDir('berth-e2e-home-');
  src = join(tempDir('berth-e2e-src-'), 'src');
  mkdirSync(src);
  const vm = {
    id: 'vm-devbox',
    name: 'devbox',
    kind: 'vm',
    cpus: 2,
    memoryMiB: 1024,
    diskGiB: 8,
    startWithBerth: false,
    idleStopMinutes: null,
    sharedFolders: [home],
  };
  writeFileSync(join(configDir, 'settings.json'), JSON.stringify({ engines: [vm] }));
  serve = await startServe(harness().dockerHost, [], {
    BERTH_CONFIG_DIR: configDir,
    BERTH_DATA_DIR: tempDir('berth-e2e-data-'),
    BERTH_RUNTIME_DIR: tempDir('be-rt-'),
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the Shared folders panel of a stopped VM engine', () => {
  it('adds, refuses what cannot be shared with its reason, removes, and saves to the settings', async () => {
    const engines = new EnginePage(page);
    await engines.open();
    await engines.select('devbox');
    const panel = engines.details('devbox').getByRole('region', { name: 'Shared folders' });
    await expect(panel.getByText(home, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(panel.getByText(/Changes apply at the VM.s next start/).isVisible()).resolves.toBe(true);
    const field = panel.getByRole('textbox', { name: 'Folder to share' });
    const save = panel.getByRole('button', { name: 'Save shared folders' });
    const addFolder = async (folder: string) => {
      await field.fill(folder);
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
    };
    const refusal = async (expected: RegExp) => {
      await save.click();
      const alert = panel.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(expected);
      await panel.getByRole('button', { name: 'Discard changes' }).click();
    };

    await addFolder(join(home, 'missing'));
    await refusal(/is inside .* which is already shared/);
    await addFolder('/etc');
    await refusal(/would cover the VM's own \/etc/);
    await addFolder(join(src, 'not-there'));
    await refusal(/does not exist on this computer/);

    await addFolder(src);
    await page.screenshot({ path: 'test-results/vm-shared-folders-light.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/vm-shared-folders-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await save.click();
    await expect.poll(savedFolders, { timeout: 10_000 }).toEqual([home, src]);
    await expect.poll(() => save.isDisabled()).toBe(true);

    await panel.getByRole('button', { name: `Remove ${home}` }).click();
    await save.click();
    await expect.poll(savedFolders, { timeout: 10_000 }).toEqual([src]);
  });
});
