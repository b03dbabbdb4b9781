// End to end: stats alerts through `berth serve` in Chromium. Thresholds are set in Settings → Alerts (a value
// out of range is refused at its field first), a container holding ~94 % of its 64 MiB limit runs, and the
// notice naming it appears; its link opens the container's Stats tab. Screenshots of the notice and the
// section, light and dark.
import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { AlertNotices, AlertsSettings } from './pages/alerts';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { shots } from './screenshots';

const MiB = 1024 * 1024;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const created: Dockerode.Container[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
});

afterAll(async () => {
  await Promise.all(created.map((container) => container.remove({ force: true }).catch(() => undefined)));
  await browser?.close();
  await serve?.stop();
});

describe('stats alerts', () => {
  it('thresholds set in Settings raise a notice naming the container, whose link opens its stats', async () => {
    const settings = new AlertsSettings(page);
    await settings.open();
    const seconds = settings.number('Memory near its limit', 'For at least');
    await seconds.fill('2');
    await settings.problems().filter({ hasText: 'From 5 to 3600 s.' }).waitFor();
    expect(await settings.save().isDisabled()).toBe(true);
    await settings.section().scrollIntoViewIfNeeded();
    await shots(page, 'alerts-settings-problem');
    await seconds.fill('5');
    await settings.number('Memory near its limit', 'Memory above').fill('90');
    expect(await settings.problems().count()).toBe(0);
    await settings.save().click();
    await settings.saved().waitFor();
    await settings.section().scrollIntoViewIfNeeded();
    await shots(page, 'alerts-settings');

    // The Containers page watches every running container's stats, so ticks exist whether or not always-on
    // recording is on.
    await new ContainersPage(page).open();
    const name = `e2e-alert-${randomBytes(3).toString('hex')}`;
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'head -c 60m /dev/zero > /dev/shm/fill && exec sleep 3600'],
      hostConfig: { Memory: 64 * MiB, MemorySwap: 64 * MiB, ShmSize: 64 * MiB },
    });
    created.push(container);
    const notices = new AlertNotices(page);
    const notice = notices.notice(name);
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(`${name} has used over 90 % of its 64 MiB memory limit for 5 s`);
    await shots(page, 'alerts-toast');

    await notice.getByRole('link', { name: `Open the stats of ${name}` }).click();
    const detail = new ContainerDetailPage(page);
    await detail.heading(name).waitFor();
    expect(await detail.tab('Stats').getAttribute('aria-selected')).toBe('true');
    expect(page.url()).toContain(`#/containers/${encodeURIComponent(container.id)}?tab=stats`);
    // Followed, the notice goes.
    expect(await notices.notice(name).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
