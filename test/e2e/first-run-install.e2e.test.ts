// End to end: the first-run page's Install button for the distribution's engine, in Chromium against a real
// `berth serve` (run as root here, so Berth runs the installer itself). The installer is the real script,
// copied root-owned into a folder only root can change (Berth refuses any other) and named by
// BERTH_ENGINE_INSTALLER. On this Debian machine docker.io is installed already, so its fixed command
// (`apt-get install -y docker.io`) changes nothing and needs no network; systemd does not run here, so no service
// is started. The output must stream into the page and end in "Installed"; a second serve without an installer
// shows the command with the reason there is no button, and a failing stand-in installer ends in an alert with
// its own words. Screenshots in light and dark.
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { startServe, type ServeProcess } from '../harness/serve-process';

const SCRIPT = resolve(__dirname, '../../assets/helper/berth-engine-install');

let dir: string;
let installerDir: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let skipReason: string | null = null;
const pageErrors: string[] = [];

beforeAll(async () => {
  const osRelease = await readFile('/etc/os-release', 'utf8');
  if (process.getuid?.() !== 0) skipReason = 'runs the installer as root: run the e2e tests as root';
  else if (!/^ID=debian$/m.test(osRelease)) skipReason = 'the success path needs Debian with docker.io installed';
  dir = mkdtempSync(join(tmpdir(), 'berth-first-run-install-'));
  installerDir = mkdtempSync(join(tmpdir(), 'berth-installer-'));
  chmodSync(installerDir, 0o755);
  const installer = join(installerDir, 'berth-engine-install');
  copyFileSync(SCRIPT, installer);
  chmodSync(installer, 0o755);
  serve = await startServe(`unix://${join(dir, 'docker.sock')}`, [], { BERTH_ENGINE_INSTALLER: installer });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(installerDir, { recursive: true, force: true });
});

describe("first run: install the distribution's engine", () => {
  it('runs the exact command through the installer, streams its output and says it is installed', async (context) => {
    if (skipReason) context.skip();
    await page.goto(serve.url);
    const panel = page.getByRole('region', { name: 'No engine yet: choose one' });
    await panel.waitFor({ timeout: 15_000 });
    await expect(
      panel.getByText('sudo apt-get install -y docker.io && sudo systemctl enable --now docker').count(),
    ).resolves.toBe(1);
    await expect(panel.getByText('Berth runs as root, so it runs the command itself.').count()).resolves.toBe(1);
    const install = panel.getByRole('button', { name: 'Install Docker (docker.io)' });
    await install.waitFor();
    await page.screenshot({ path: 'test-results/first-run-install-light.png' });

    await install.click();
    const output = panel.getByRole('log', { name: 'Install output' });
    await output.waitFor({ timeout: 15_000 });
    const installed = panel.getByRole('status').filter({ hasText: 'Installed.' });
    await installed.waitFor({ timeout: 120_000 });
    const text = await output.innerText();
    expect(text).toContain('berth-engine-install: on Debian GNU/Linux');
    expect(text).toContain('docker.io is already the newest version');
    expect(text).toContain('0 newly installed');
    expect(text).toContain('Installed. Berth looks for the engine again.');
    await expect(panel.getByRole('alert').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-results/first-run-installed-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/first-run-installed-dark.png' });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('shows the command and why there is no button where Berth cannot run the installer', async () => {
    // The harness's default: an installer path that does not exist.
    const bare = await startServe(`unix://${join(dir, 'none.sock')}`);
    try {
      const other = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'dark' });
      await other.goto(bare.url);
      const panel = other.getByRole('region', { name: 'No engine yet: choose one' });
      await panel.waitFor({ timeout: 15_000 });
      const reason = panel.getByText(/^No Install button here: Berth's engine installer is not installed/);
      await reason.waitFor();
      expect(await reason.innerText()).toContain('/nonexistent/berth-test-engine-install');
      await expect(panel.getByRole('button', { name: /^Install/ }).count()).resolves.toBe(0);
      await expect(panel.getByRole('button', { name: 'Copy' }).count()).resolves.toBe(1);
      await other.screenshot({ path: 'test-results/first-run-no-installer-dark.png' });
      await other.close();
    } finally {
      await bare.stop();
    }
  }, 60_000);

  it("ends a failed install in an alert with the installer's own words", async (context) => {
    if (skipReason) context.skip();
    // A root-owned stand-in in the installer's folder that fails as the real one does when apt cannot find it.
    const failing = join(installerDir, 'failing-install');
    writeFileSync(
      failing,
      '#!/bin/sh\necho "E: Unable to locate package docker.io"\necho "berth-engine-install: apt-get install -y docker.io failed (exit 100); its output above says why" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const failed = await startServe(`unix://${join(dir, 'failing.sock')}`, [], { BERTH_ENGINE_INSTALLER: failing });
    try {
      const other = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
      await other.goto(failed.url);
      const panel = other.getByRole('region', { name: 'No engine yet: choose one' });
      await panel.getByRole('button', { name: 'Install Docker (docker.io)' }).click({ timeout: 15_000 });
      const alert = panel.getByRole('alert').filter({ hasText: 'The engine was not installed' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toContain(
        'The install failed: apt-get install -y docker.io failed (exit 100); its output above says why',
      );
      expect(await panel.getByRole('log', { name: 'Install output' }).innerText()).toContain(
        'E: Unable to locate package docker.io',
      );
      await other.screenshot({ path: 'test-results/first-run-install-failed-light.png' });
      await other.close();
    } finally {
      await failed.stop();
    }
  }, 60_000);
});
