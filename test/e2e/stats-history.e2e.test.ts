// End to end: recorded stats history of a busy container, seen in Chromium through `berth serve`: the 1 h
// range draws rows from the on-disk store, leaving the page for 30 s leaves no gap in the 15-min chart
// (the store fills what the page did not watch), drag-to-zoom and pan, and CSV export of the window shown.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer, TEST_LABEL } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ComposePanel } from './pages/compose-panel';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { shots } from './screenshots';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const created: Dockerode.Container[] = [];
const pageErrors: string[] = [];

/** "0.25 s steps · 412 samples · no gaps" → 412. */
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

    // 7 days: the 1-minute tier; dragging over its last hours zooms into them (a finer tier).
    await detail.timeRange('7 days').click();
    await expect.poll(() => detail.coverage().textContent(), { timeout: 20_000 }).toMatch(/^1 min steps · /);
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-7d`);
    await dragAcross(cpuChart, 0.97, 0.999);
    await expect.poll(() => detail.statusLine().textContent()).toContain('Zoomed');
    await expect.poll(() => detail.coverage().textContent(), { timeout: 20_000 }).toMatch(/^(0\.25|1|10) s steps · /);
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-7d-zoomed`);
    await detail.statsButton('Reset zoom').click();

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
    await dragAcross(cpuChart, 0.4, 0.8);
    await expect.poll(() => detail.statusLine().textContent()).toContain('Zoomed');
    await detail.statsButton('Reset zoom').waitFor();
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-stats-zoomed`);
    const zoomedStatus = await detail.statusLine().textContent();
    await detail.statsButton('Earlier').click();
    await expect.poll(() => detail.statusLine().textContent()).not.toBe(zoomedStatus);
    // A focused chart pans with the arrow keys too.
    const pannedStatus = await detail.statusLine().textContent();
    await cpuChart.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => detail.statusLine().textContent()).not.toBe(pannedStatus);
    // The panned window's rows may come from the store (an answer later than the status line's change).
    await expect.poll(async () => samples(await detail.coverage().textContent())).toBeGreaterThan(0);

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

  it('stacks a compose project to the sum of its containers, and exports the project as CSV', async () => {
    const project = `e2e-proj-${randomBytes(3).toString('hex')}`;
    for (const service of ['web', 'worker']) {
      const container = await docker.createContainer({
        Image: harness().busyboxImage,
        name: `${project}-${service}-1`,
        Cmd: ['sh', '-c', 'while :; do :; done'],
        Labels: { [TEST_LABEL]: '1', 'com.docker.compose.project': project, 'com.docker.compose.service': service },
        HostConfig: { NanoCpus: 3e8 },
        StopTimeout: 1,
      });
      created.push(container);
      await container.start();
    }
    const containers = new ContainersPage(page);
    await containers.open();
    const compose = new ComposePanel(page);
    await compose.projectToggle(project).click();
    const totals = page.getByRole('region', { name: `Usage of ${project}` });
    await totals.waitFor();
    await totals.getByRole('radio', { name: '15 min', exact: true }).click();
    // The store answers 15 min at its 10 s tier: wait for two steps in which both containers ran throughout.
    await expect
      .poll(
        async () => (await cpuTable(totals, project)).filter((row) => row.values.every((value) => value > 5)).length,
        { timeout: 40_000 },
      )
      .toBeGreaterThan(1);
    const rows = await cpuTable(totals, project);
    for (const row of rows) {
      expect(row.values).toHaveLength(2);
      // Each cell is rounded to 0.1 %: the sum of two may differ from the rounded total by 0.1.
      expect(Math.abs(row.values.reduce((a, b) => a + b, 0) - row.total)).toBeLessThanOrEqual(0.11);
    }
    // Both busy, each held to 0.3 cores: the total of a full step is above either and at most 60 %.
    const full = rows.filter((row) => row.values.every((value) => value > 5));
    expect(full.length).toBeGreaterThan(0);
    for (const row of full) expect(row.total).toBeLessThanOrEqual(65);
    await totals.locator('.recharts-area-area').first().waitFor({ state: 'attached' });
    await totals.scrollIntoViewIfNeeded();
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-project-totals`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      totals.getByRole('button', { name: 'Export CSV', exact: true }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...lines] = text.trim().split('\n');
    const idColumn = header.split(',').indexOf('id');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    const ids = new Set(lines.map((line) => line.split(',')[idColumn]));
    expect(ids.size).toBe(2);

    // The Dashboard: the engine's totals and the top consumers over the last hour.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const engineTotals = page.getByRole('region', { name: 'Usage of all containers' });
    await engineTotals.waitFor();
    await page.getByRole('radiogroup', { name: 'Top consumers over' }).getByRole('radio', { name: '1 h' }).click();
    const top = page.getByRole('region', { name: 'Top consumers' });
    await expect.poll(() => top.textContent(), { timeout: 15_000 }).toContain(`${project}-web-1`);
    expect(await top.textContent()).toMatch(/peak [\d.]+ % · limit 0\.3 cores/);
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-dashboard`);

    // The Engine page says how the active engine's stats are recorded, and how big the store is.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engine' }).click();
    const facts = page.locator('.fact', { hasText: 'Stats history' });
    await expect.poll(() => facts.textContent(), { timeout: 10_000 }).toContain('Recorded always · cgroup files');
    await expect
      .poll(() => page.locator('.fact', { hasText: 'History store' }).textContent())
      .toMatch(/B of .* · History of removed containers kept \d+ days?/);
    await shots(page, `${process.env.BERTH_SHOT_PREFIX ?? 'ui'}-engine`);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

/** The rows of a totals panel's CPU table: each container's % and the total, as numbers. */
async function cpuTable(totals: Locator, project: string): Promise<Array<{ values: number[]; total: number }>> {
  const table = totals.getByRole('table', {
    name: new RegExp(`^CPU of Usage of ${project}`),
    // Folded away under its <details> summary until opened: the figures are there all the same.
    includeHidden: true,
  });
  if ((await table.count()) === 0) return [];
  const cells = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')));
  return cells.map((row) => {
    const numbers = row.map((cell) => Number.parseFloat(cell) || 0);
    return { values: numbers.slice(0, -1), total: numbers[numbers.length - 1] };
  });
}

/** Drags across a chart from one fraction of its width to another, at its middle height. */
async function dragAcross(chart: Locator, from: number, to: number): Promise<void> {
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await chart.page().mouse.move(box.x + box.width * from, y);
  await chart.page().mouse.down();
  await chart.page().mouse.move(box.x + box.width * to, y, { steps: 8 });
  await chart.page().mouse.up();
}
