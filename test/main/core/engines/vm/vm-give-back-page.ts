// The VM integration test's look at the Engine page, on its booted VM and its own core served in-process: the
// VM's memory and disk on the host shown (in binary units) next to the guest's and its containers', and the
// Compact button saying how much the disk file shrank. Leaves a screenshot in test-results/ for a person to read.
import { existsSync, mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startServeServer } from '../../../../../main/core/serve/serve-server';
import { launchChromium } from '../../../../harness/browser';
import { EnginePage } from '../../../../e2e/pages/engine-page';

const RENDERER_DIR = 'dist/renderer';
export const GIVE_BACK_SCREENSHOT = 'test-results/vm-give-back.png';
const SIZE = /^\d+(\.\d+)? (B|KiB|MiB|GiB) of \d+(\.\d+)? (MiB|GiB) \(\d+(\.\d)?%\)$/;

export async function checkGiveBackOnPage(core: Core, engineName: string): Promise<void> {
  if (!existsSync(RENDERER_DIR))
    throw new Error(`${RENDERER_DIR} is missing: npm run build:renderer first (npm test builds it)`);
  const serve = await startServeServer({ core, rendererDir: RENDERER_DIR, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(serve.url);
    const engines = new EnginePage(page);
    await engines.open();
    await engines.select(engineName);
    const details = engines.details(engineName);
    const hostMemory = details.getByRole('meter', { name: 'Memory used by On the host' });
    const hostDisk = details.getByRole('meter', { name: 'Disk used by On the host' });
    await hostMemory.waitFor({ timeout: 60_000 });
    await hostDisk.waitFor({ timeout: 60_000 });
    expect(await hostMemory.getAttribute('aria-valuetext')).toMatch(/^\d+(\.\d+)? (MiB|GiB) in QEMU$/);
    expect(await hostDisk.getAttribute('aria-valuetext')).toMatch(SIZE);
    await details.getByRole('button', { name: 'Compact', exact: true }).click();
    const said = details.getByRole('status').filter({ hasText: /disk file (shrank by|stays at) \d/ });
    await said.waitFor({ timeout: 150_000 });
    expect(await said.textContent()).toMatch(/(MiB|GiB|KiB|B)\b/);
    mkdirSync('test-results', { recursive: true });
    await details.getByRole('heading', { name: 'VM vs containers' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: GIVE_BACK_SCREENSHOT, fullPage: true });
  } finally {
    await browser.close();
    await serve.close();
  }
}
