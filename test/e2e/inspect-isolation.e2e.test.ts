// End to end in Chromium through `berth serve`: a container's Inspect tab (a secret env value masked until
// its Show button is clicked, the JSON searched with next) and its Isolation tab (PID 1 inside next to the
// host PID the engine reports, a file the container wrote listed among the changes against its image), with
// screenshots in the light and dark themes.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { TEST_LABEL } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { InspectTabs } from './pages/inspect-tabs';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Dockerode;
let container: Dockerode.Container;
const name = `e2e-inspect-${randomBytes(3).toString('hex')}`;
const pageErrors: string[] = [];

/** Light and dark screenshots of what is on screen now, tall enough for the tab. */
async function screenshots(base: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.screenshot({ path: `test-results/${base}-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/${base}-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  container = await docker.createContainer({
    Image: harness().busyboxImage,
    name,
    Cmd: ['sh', '-c', 'mkdir /work && echo hi > /work/written.txt && exec sleep 3600'],
    Env: ['DB_PASSWORD=hunter2-e2e', 'GREETING=hello'],
    Healthcheck: { Test: ['CMD-SHELL', 'echo checked'], Interval: 1_000_000_000 },
    Labels: { [TEST_LABEL]: '1', 'berth.e2e': 'inspect' },
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    StopTimeout: 1,
  });
  await container.start();
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
  const containers = new ContainersPage(page);
  await containers.open();
  await containers.nameLink(name).click();
  await new ContainerDetailPage(page).heading(name).waitFor();
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
  await browser?.close();
  await serve?.stop();
});

describe('the Inspect tab', () => {
  it('masks a secret env value until it is clicked, and finds text in the JSON', async () => {
    const tabs = new InspectTabs(page);
    await tabs.tab('Inspect').click();
    await tabs.envRow('GREETING').waitFor({ timeout: 10_000 });
    expect(await tabs.envRow('GREETING').textContent()).toContain('hello');
    expect(await tabs.envRow('DB_PASSWORD').textContent()).not.toContain('hunter2-e2e');
    expect(await tabs.jsonText().textContent()).not.toContain('hunter2-e2e');

    // The health check's first runs arrive with the container list's next refresh (its status says healthy).
    await expect
      .poll(() => tabs.section('Health').textContent(), { timeout: 20_000 })
      .toMatch(/Status\s*healthy[\s\S]*checked/);

    await tabs.reveal('DB_PASSWORD').click();
    await expect.poll(() => tabs.envRow('DB_PASSWORD').textContent()).toContain('hunter2-e2e');
    await tabs.envRow('DB_PASSWORD').getByRole('button', { name: 'Hide DB_PASSWORD' }).waitFor();
    await screenshots('inspect-tab');

    // "written.txt" is in the command, which the JSON carries as Cmd and Args (Path is "sh").
    await tabs.jsonSearch().fill('written.txt');
    await expect.poll(() => tabs.jsonCount().textContent()).toMatch(/^1 of [2-9]$/);
    await tabs.jsonButton('Next').click();
    await expect.poll(() => tabs.jsonCount().textContent()).toMatch(/^2 of /);
    expect(await tabs.jsonText().locator('mark.current').textContent()).toBe('written.txt');
    await tabs.jsonSearch().fill('no-such-text-anywhere');
    await expect.poll(() => tabs.jsonCount().textContent()).toBe('No matches');
    await tabs.jsonSearch().fill('berth.e2e');
    await screenshots('inspect-json');
    expect(pageErrors).toEqual([]);
  });
});

describe('the Isolation tab', () => {
  it('shows PID 1 inside next to its host PID, and the file the container wrote', async () => {
    const tabs = new InspectTabs(page);
    await tabs.tab('Isolation').click();
    const hostPid = (await container.inspect()).State.Pid;
    const processes = tabs.processes(name);
    await processes.waitFor({ timeout: 15_000 });
    const first = processes.getByRole('row').filter({ hasText: 'sleep 3600' });
    expect((await first.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['1', String(hostPid)]);
    expect(await tabs.section('Its own processes').textContent()).toContain(
      `its main process is PID 1; this computer knows the same process as PID ${hostPid}`,
    );

    await tabs.addedPaths().getByText('/work/written.txt', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await tabs.section('Its own filesystem').textContent()).toMatch(/Added \(2\)/);
    const limits = page.getByRole('link', { name: 'See and change its limits in the Limits panel' });
    expect(await limits.getAttribute('href')).toContain(`/containers/${name}`);
    await screenshots('isolation-tab');
    await limits.click();
    await page.getByRole('tab', { name: 'Stats', selected: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
