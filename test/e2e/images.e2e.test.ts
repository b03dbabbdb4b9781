// End to end: pulling through the Images page of `berth serve` in Chromium. A uniquely tagged image with its
// own random layer is built, pushed to the private registry and removed locally, so the pull has a real
// layer to fetch; the pull box checks references before anything is sent, the transfer shows its layers
// and ends done, the image appears in the list, and Run on the finished transfer lands on the new container's
// page, running, with live stats.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { pushImage } from '../harness/busybox-image';
import { harness } from '../harness/context';
import { buildLayeredImage } from '../harness/layered-image';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ImagesPage } from './pages/images-page';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const pageErrors: string[] = [];
const suffix = randomBytes(4).toString('hex');
const localTag = `berth-test/pull-e2e:${suffix}`;
let remote = '';
const containersMade: string[] = [];

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  // One layer of random bytes unique to this run on the busybox base, and a command that keeps running, so
  // the pull fetches a real layer and the container it runs stays up for its live stats.
  await buildLayeredImage(docker, localTag, { layers: 1, bytesPerLayer: 3_000_000, cmd: ['sleep', '3600'] });
  remote = await pushImage(docker, localTag, harness().registry);
  // Gone locally (both names, so the random layer too): the pull must fetch it from the registry.
  await docker.getImage(remote).remove();
  await docker.getImage(localTag).remove();
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  for (const id of containersMade)
    await docker
      .getContainer(id)
      .remove({ force: true })
      .catch(() => undefined);
  if (remote)
    await docker
      .getImage(remote)
      .remove({ force: true })
      .catch(() => undefined);
  await browser?.close();
  await serve?.stop();
});

describe('Images page', () => {
  it('explains a malformed reference and keeps Pull disabled', async () => {
    const images = new ImagesPage(page);
    await images.open();
    await images.pullField().fill('Busybox:latest');
    await images.pullProblem().filter({ hasText: 'uppercase' }).waitFor();
    expect(await images.pullButton().isDisabled()).toBe(true);
    await images.pullField().fill('');
    expect(await images.pullButton().isDisabled()).toBe(true);
  });

  it('pulls from the private registry with per-layer progress, lists the image and offers Run', async () => {
    const images = new ImagesPage(page);
    await images.open();
    await images.pull(remote);
    await images.transfer(remote).waitFor();
    const layers = await images.showLayers(remote);
    await images.waitForDone(remote);
    // The base layer was already here; the random one was fetched.
    const phases = await layers.allTextContents();
    expect(phases.length).toBeGreaterThanOrEqual(2);
    expect(phases.some((text) => text.includes('Already exists'))).toBe(true);
    expect(phases.some((text) => text.includes('Complete'))).toBe(true);
    expect(
      await images
        .transfer(remote)
        .getByRole('progressbar', { name: `Pull of ${remote}` })
        .getAttribute('aria-valuenow'),
    ).toBe('100');
    await images.row(remote).waitFor();
    await page.screenshot({ path: 'test-results/images-pulled.png' });

    await images.runFromTransfer(remote);
    await page.waitForURL(/#\/containers\/[0-9a-f]{12,}/);
    const id = /#\/containers\/([0-9a-f]+)/.exec(page.url())![1]!;
    containersMade.push(id);
    // Its page shows it running with live stats: a memory sample with a real figure, not the waiting line.
    await page.getByRole('main').locator('.detail-toolbar .badge', { hasText: 'running' }).waitFor({ timeout: 10_000 });
    const detail = new ContainerDetailPage(page);
    await expect
      .poll(() => detail.summary('Memory').textContent(), { timeout: 15_000 })
      .toMatch(/^Memory \d+(\.\d+)? (B|KiB|MiB)/);
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    await page.screenshot({ path: 'test-results/images-run-from-pull.png' });
    expect(pageErrors).toEqual([]);
  });
});
