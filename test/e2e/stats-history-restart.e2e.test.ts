// End to end: recorded history survives a restart of `berth serve`. A busy container is recorded with no
// window open (always-on, cgroup files); serve is stopped and started again on the same HOME, and the
// container's CPU chart, opened right after, draws the minute before the restart, not only the seconds since.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';

const home = mkdtempSync(join(tmpdir(), 'berth-e2e-history-home-'));
let serve: ServeProcess | null = null;
let browser: Browser;
let page: Page;
let container: Docker.Container;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
  await browser?.close();
  await serve?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** The CPU area's width as a share of the plot's (the grid's horizontal lines span the plot). */
async function drawnShare(chart: ReturnType<ContainerDetailPage['chart']>): Promise<number> {
  const area = await chart.locator('.recharts-area-curve').first().boundingBox();
  const grid = await chart.locator('.recharts-cartesian-grid-horizontal line').first().boundingBox();
  return area && grid && grid.width > 0 ? area.width / grid.width : 0;
}

describe('recorded stats history', () => {
  it('draws the minute before a restart of serve on a chart opened right after it', async () => {
    const name = `e2e-history-${randomBytes(3).toString('hex')}`;
    const docker = new Docker({ socketPath: harness().socketPath });
    serve = await startServe(harness().dockerHost, [], {}, { home });
    container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'while :; do :; done'],
      hostConfig: { NanoCpus: 5e8 },
    });
    // No window is open: only always-on recording keeps these 50 seconds.
    await new Promise((resolve) => setTimeout(resolve, 50_000));
    await serve.stop();
    serve = await startServe(harness().dockerHost, [], {}, { home });
    await page.goto(serve.url);
    const detail = new ContainerDetailPage(page);
    await detail.open(name);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').click();
    await detail.timeRange('1 min').click();
    const chart = detail.chart(`CPU usage of ${name}, with its limit`);
    await chart.waitFor();
    // From the live ring alone the area would grow by 1/60 of the plot a second from the restart: more than
    // half of it drawn this soon is the recorded history.
    await expect.poll(() => drawnShare(chart), { timeout: 10_000 }).toBeGreaterThan(0.5);
    await page.screenshot({ path: '/work/wt/shots/core-history-after-restart.png' });
    expect(pageErrors).toEqual([]);
  });
});
