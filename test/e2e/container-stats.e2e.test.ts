// End to end: live stats of a busy container with a 0.5 CPU limit, seen in Chromium through `berth serve`:
// a CPU % in the containers list, the container's page with its CPU chart and limit line, the dashboard's
// top consumers, and the page staying whole (no page errors) when the container is removed under it.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const created: Dockerode.Container[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** A container spinning one CPU as fast as it can, held to half a core by its limit. */
async function runBusyLoop(name: string): Promise<Dockerode.Container> {
  const container = await runTestContainer(docker, {
    image: harness().busyboxImage,
    name,
    cmd: ['sh', '-c', 'while :; do :; done'],
    hostConfig: { NanoCpus: 5e8 },
  });
  created.push(container);
  return container;
}

/** The first "12.5 %" in a text, as a number; null when there is none. */
function firstPercent(text: string | null): number | null {
  const match = /(\d+(?:\.\d+)?) %/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Recharts and React Aria style through the CSSOM, which the strict CSP allows; inline <style> it would not.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      cspViolations.push(message.text());
  });
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await Promise.all(created.map((container) => container.remove({ force: true }).catch(() => undefined)));
  await browser?.close();
  await serve?.stop();
});

describe('live container stats', () => {
  it('shows CPU against the 0.5 CPU limit in the list, on the container page and on the dashboard, and survives removal', async () => {
    const name = `e2e-busy-${randomBytes(3).toString('hex')}`;
    const container = await runBusyLoop(name);

    // The list: a live CPU % for the running container.
    const containers = new ContainersPage(page);
    await containers.open();
    await containers.row(name).waitFor({ timeout: 5_000 });
    await expect
      .poll(async () => firstPercent(await containers.row(name).textContent()), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/container-stats-list.png' });

    // Its page, from the name in the list.
    await containers.nameLink(name).click();
    const detail = new ContainerDetailPage(page);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').click();
    const cpuChart = detail.chart(`CPU usage of ${name}, with its limit`);
    await cpuChart.waitFor();
    await expect.poll(() => detail.summary('CPU').textContent(), { timeout: 10_000 }).toContain('limit 0.5 cores');
    // The page focuses the container it charts: the core reads it every 250 ms (cgroup files), and says so.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /^Live/ }).first().textContent(), { timeout: 10_000 })
      .toBe('Live · every 0.25 s');
    // The limit is drawn in the chart: a dashed reference segment, labelled.
    await cpuChart.locator('.chart-limit-line line').first().waitFor({ state: 'attached', timeout: 10_000 });
    await cpuChart.locator('text', { hasText: 'limit 0.5 cores' }).first().waitFor({ state: 'attached' });
    // CPU is in % of one core: busy, but held near 50 % by the limit.
    await expect
      .poll(async () => firstPercent(await detail.summary('CPU').textContent()), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(firstPercent(await detail.summary('CPU').textContent())).toBeLessThanOrEqual(75);

    // Range and pause are named controls that keep their state.
    await detail.timeRange('5 min').click();
    await expect.poll(() => detail.timeRange('5 min').getAttribute('aria-checked')).toBe('true');
    await detail.pauseButton().click();
    await expect.poll(() => detail.pauseButton().getAttribute('aria-pressed')).toBe('true');
    // Tall enough for every chart: the page scrolls inside its <main>, which a full-page shot does not follow.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: 'test-results/container-stats-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/container-stats-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await detail.pauseButton().click();
    await detail.timeRange('1 min').click();

    // Only the selected tab's panel is mounted: on Info, no chart is drawn.
    await detail.tab('Info').click();
    await page.getByRole('region', { name: 'Container information' }).waitFor();
    expect(await cpuChart.count()).toBe(0);
    await expect(page.getByRole('region', { name: 'Container information' }).textContent()).resolves.toContain(
      '0.5 cores',
    );

    // The dashboard lists it among the top consumers, linking back to its page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const topConsumers = page.getByRole('region', { name: 'Top consumers' });
    await topConsumers.getByRole('link', { name }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: 'test-results/container-stats-dashboard.png' });
    await topConsumers.getByRole('link', { name }).first().click();
    await detail.heading(name).waitFor();
    await cpuChart.waitFor();

    // Removed under the open chart: the page says so and keeps standing.
    await container.remove({ force: true });
    await detail.removedNotice(name).waitFor({ timeout: 5_000 });
    await expect.poll(() => detail.summary('CPU').textContent(), { timeout: 5_000 }).toMatch(/^Stopped/);
    await detail.heading(name).waitFor();
    await page.screenshot({ path: 'test-results/container-stats-removed.png' });
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
