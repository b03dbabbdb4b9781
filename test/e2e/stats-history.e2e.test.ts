// End to end: recorded stats history of a busy container, seen in Chromium through `berth serve`: the 1 h
// range draws rows from the on-disk store, leaving the page for 30 s leaves no gap in the 15-min chart
// (the store fills what the page did not watch), drag-to-zoom and pan, and CSV export of the window shown.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { shots } from './screenshots';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const created: Dockerode.Container[] = [];
const pageErrors: string[] = [];

/** "1 s steps · 412 samples · no gaps" → 412. */
function samples(text: string | null): number {
  const match = /(\d+) samples?/.exec(text ?? '');
  return match ? Number(match[1]) : 0;
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1300 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  await Promise.all(created.map((container) => container.remove({ force: true }).catch(() => undefined)));
  await browser?.close();
  await serve?.stop();
});

describe('recorded stats history', () => {
  it('draws the 1 h range from the store, keeps the 15-min chart whole across 30 s away, zooms and exports', async () => {
    const name = `e2e-history-${randomBytes(3).toString('hex')}`;
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'while :; do :; done'],
      hostConfig: { NanoCpus: 5e8, Memory: 64 * 1024 * 1024 },
    });
    created.push(container);
    const detail = new ContainerDetailPage(page);
    await detail.open(name);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').click();
    await detail.chart(`CPU usage of ${name}, with its limit`).waitFor();
    // The recorder runs whatever the window shows: the status line says how.
    await expect
      .poll(() => detail.statusLine().textContent(), { timeout: 10_000 })
      .toMatch(/Recorded always · cgroup files/);

    // 1 h: rows from the store, drawn with the limit line.
    await expect
      .poll(async () => samples(await detail.coverage().textContent()), { timeout: 20_000 })
      .toBeGreaterThan(3);
    await detail.timeRange('1 h').click();
    await expect.poll(() => detail.statusLine().textContent(), { timeout: 10_000 }).toContain('Recorded history');
    // The store answers an hour at its 10 s tier: a young container has a few rows of it.
    await expect
      .poll(() => detail.coverage().textContent(), { timeout: 20_000 })
      .toMatch(/^10 s steps · \d+ samples? · no gaps$/);
    const cpuChart = detail.chart(`CPU usage of ${name}, with its limit`);
    await cpuChart.locator('.recharts-area-curve').first().waitFor({ state: 'attached' });
    await cpuChart.locator('text', { hasText: 'limit 0.5 cores' }).first().waitFor({ state: 'attached' });
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-1h`);

    // Away for 30 s on a page that watches no stats, then back: the 15-min chart has no gap over that time.
    await detail.timeRange('15 min').click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images' }).click();
    const awayFrom = Date.now();
    await page.waitForTimeout(30_000);
    await detail.open(name);
    await detail.tab('Stats').click();
    await detail.timeRange('15 min').click();
    const elapsed = (Date.now() - awayFrom) / 1000;
    await expect
      .poll(async () => samples(await detail.coverage().textContent()), { timeout: 15_000 })
      .toBeGreaterThan(elapsed);
    expect(await detail.coverage().textContent()).toContain('no gaps');
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-15min`);

    // Drag across the CPU chart of the last minute (all of it has data): every chart follows the zoomed
    // window, the status says so, pan moves it.
    await detail.timeRange('1 min').click();
    const box = (await cpuChart.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => detail.statusLine().textContent()).toContain('Zoomed');
    await detail.statsButton('Reset zoom').waitFor();
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-zoomed`);
    const zoomedStatus = await detail.statusLine().textContent();
    await detail.statsButton('Earlier').click();
    await expect.poll(() => detail.statusLine().textContent()).not.toBe(zoomedStatus);
    expect(samples(await detail.coverage().textContent())).toBeGreaterThan(0);

    // Export CSV of the window shown: a download whose rows parse, one header, an id column.
    const [download] = await Promise.all([page.waitForEvent('download'), detail.statsButton('Export CSV').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = text.trim().split('\n');
    const columns = header.split(',');
    expect(columns).toContain('id');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(',')).toHaveLength(columns.length);

    await detail.statsButton('Reset zoom').click();
    await expect.poll(() => detail.statusLine().textContent()).toContain('Live');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
