// End to end: a pull runs in the core, not the page. A slow pull (the registry behind a throttling proxy) is
// started in Chromium, the page is reloaded mid-pull and finds the same pull still running and progressing;
// the status bar says so; Cancel then stops it, the page says what was left, and the engine tagged nothing.
import Docker from 'dockerode';
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { pushImage } from '../harness/busybox-image';
import { harness } from '../harness/context';
import { buildLayeredImage } from '../harness/layered-image';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ThrottledProxy } from '../harness/throttled-proxy';
import { ImagesPage } from './pages/images-page';

const MiB = 1024 * 1024;
const suffix = randomBytes(4).toString('hex');
const localTag = `berth-test/slow-pull:${suffix}`;
let docker: Dockerode;
let proxy: ThrottledProxy;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let slowReference = '';
const pageErrors: string[] = [];

/** The transfer's overall progress (aria-valuenow of its bar). */
async function percent(images: ImagesPage): Promise<number> {
  const value = await images
    .transfer(slowReference)
    .getByRole('progressbar', { name: `Pull of ${slowReference}` })
    .getAttribute('aria-valuenow');
  return Number(value ?? 0);
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  // 8 MiB of random layers through a 512 KiB/s proxy: about 16 s of pulling, time enough to reload and cancel.
  await buildLayeredImage(docker, localTag, { layers: 2, bytesPerLayer: 4 * MiB });
  const pushed = await pushImage(docker, localTag, harness().registry);
  await docker.getImage(pushed).remove();
  await docker.getImage(localTag).remove();
  proxy = await ThrottledProxy.start(Number(harness().registry.split(':')[1]), 512 * 1024);
  slowReference = `${proxy.address}/${localTag}`;
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await proxy?.stop();
});

describe('a pull outlives the page', () => {
  it('keeps running across a reload, then cancels and says what was left', async () => {
    const images = new ImagesPage(page);
    await images.open();
    await images.pull(slowReference);
    await expect.poll(() => percent(images), { timeout: 20_000 }).toBeGreaterThan(0);
    const beforeReload = await percent(images);

    await page.reload();
    await images.open();
    // The reloaded page reattaches to the same pull: still running, and moving on from where it was.
    await images
      .transfer(slowReference)
      .locator('.transfer-badge', { hasText: /^Pulling$/ })
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => percent(images), { timeout: 20_000 }).toBeGreaterThan(beforeReload);
    await expect(page.getByRole('button', { name: /^Transfers: Pulling 1/ }).count()).resolves.toBe(1);

    await images
      .transfer(slowReference)
      .getByRole('button', { name: `Cancel pull of ${slowReference}`, exact: true })
      .click();
    await images
      .transfer(slowReference)
      .locator('.transfer-badge', { hasText: /^Cancelled$/ })
      .waitFor({ timeout: 15_000 });
    await expect(images.transfer(slowReference).locator('.transfer-leftover').textContent()).resolves.toMatch(
      /no image was tagged/,
    );
    await expect(docker.getImage(slowReference).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(pageErrors).toEqual([]);
  });
});
