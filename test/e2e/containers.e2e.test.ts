// End to end: `berth serve` against the private engine, opened in Debian's Chromium. Containers created and
// removed through the engine API appear and disappear without a reload, driven by the engine's events.
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { runIdleContainer } from '../harness/containers';
import { ContainersPage } from './pages/containers-page';
import Docker from 'dockerode';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
const created: Dockerode.Container[] = [];

async function createIdle(name: string): Promise<Dockerode.Container> {
  const container = await runIdleContainer(docker, harness().busyboxImage, name);
  created.push(container);
  return container;
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(serve.url);
});

afterAll(async () => {
  await Promise.all(created.map((container) => container.remove({ force: true }).catch(() => undefined)));
  await browser?.close();
  await serve?.stop();
});

describe('Containers page', () => {
  it('shows a container created through the engine API within 2 s, and drops it when removed', async () => {
    const containers = new ContainersPage(page);
    await containers.open();
    const name = `e2e-live-${randomBytes(3).toString('hex')}`;
    const container = await createIdle(name);

    // The row appears on the engine's `create` event and turns running on its `start` event.
    await containers.row(name).filter({ hasText: 'running' }).waitFor({ state: 'visible', timeout: 2_000 });
    expect(await containers.row(name).textContent()).toContain('berth-test/busybox');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/containers-live.png' });

    await container.remove({ force: true });
    await containers.row(name).waitFor({ state: 'detached', timeout: 2_000 });
  });

  it('filters rows by the text typed in the filter', async () => {
    const containers = new ContainersPage(page);
    await containers.open();
    const suffix = randomBytes(3).toString('hex');
    await createIdle(`e2e-alpha-${suffix}`);
    await createIdle(`e2e-beta-${suffix}`);
    await containers.row(`e2e-alpha-${suffix}`).waitFor({ timeout: 2_000 });
    await containers.row(`e2e-beta-${suffix}`).waitFor({ timeout: 2_000 });

    await containers.filter().fill(`alpha-${suffix}`);
    await containers.row(`e2e-beta-${suffix}`).waitFor({ state: 'detached' });
    expect(await containers.row(`e2e-alpha-${suffix}`).isVisible()).toBe(true);
    await containers.filter().fill('');
    await containers.row(`e2e-beta-${suffix}`).waitFor();
  });
});
