// End to end in Chromium through `berth serve`: when the active engine does not enforce limits (Berth's own
// engine running rootless on cgroup v1), every limit editor says so before anything is applied, saved or run:
// the container's Limits panel, the bulk "Set limits…" dialog, Settings' default limits and the run dialog's
// Limits tab; its link leads to the Engine page, which says how the engine runs. Screenshots (light and dark).
//
// Forced, and only this: the private engine runs as root here (tests need root), and a rootless engine on
// cgroup v1 needs a Berth core running as another user (test/main/core/engines/dockerd/rootless-engine.int.test.ts
// checks that such an engine reports `ownedMode.limits: false`). So the bridge's `engines:list` replies and
// `engines:changed` events are passed through with that one field added to the active engine; everything else
// (the engine, its containers, the core) is real.
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineView } from '../../main/shared/engine-manager-types';
import { launchChromium } from '../harness/browser';
import { removeTestContainers, runIdleContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { LimitsPanel } from './pages/limits-panel';
import { RunDialog } from './pages/run-dialog';
import { shots } from './screenshots';

const NOTE =
  "The engine runs as berth in a user namespace (rootlesskit, slirp4netns), so a container's root is not root on this computer. This machine uses cgroup v1, where rootless containers get no CPU/memory limits (--cpus, --memory and --pids-limit are ignored); cgroup v2 with delegation would enable them.";
const suffix = randomBytes(3).toString('hex');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
const pageErrors: string[] = [];

function rootless(engines: EngineView[]): EngineView[] {
  return engines.map((engine) =>
    engine.active ? { ...engine, ownedMode: { mode: 'rootless', runAs: 'auto', note: NOTE, limits: false } } : engine,
  );
}

/** Adds the rootless view to `engines:list` replies (by request id) and `engines:changed` events. */
function forceRootless(listIds: Set<number>, message: string | Buffer): string | Buffer {
  if (typeof message !== 'string') return message;
  const frame = JSON.parse(message) as
    | { type: 'reply'; id: number | null; reply: { ok: boolean; data?: unknown } }
    | { type: 'event'; event: string; payload: unknown };
  if (frame.type === 'reply' && frame.id !== null && listIds.delete(frame.id) && frame.reply.ok)
    return JSON.stringify({ ...frame, reply: { ok: true, data: rootless(frame.reply.data as EngineView[]) } });
  if (frame.type === 'event' && frame.event === 'engines:changed')
    return JSON.stringify({ ...frame, payload: rootless(frame.payload as EngineView[]) });
  return message;
}

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.routeWebSocket(
    () => true,
    (socket) => {
      const server = socket.connectToServer();
      const listIds = new Set<number>();
      socket.onMessage((message) => {
        if (typeof message === 'string') {
          const request = JSON.parse(message) as { id?: number; channel?: string };
          if (request.channel === 'engines:list' && typeof request.id === 'number') listIds.add(request.id);
        }
        server.send(message);
      });
      server.onMessage((message) => socket.send(forceRootless(listIds, message)));
    },
  );
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (docker) await removeTestContainers(docker);
  expect(pageErrors).toEqual([]);
});

const notice = (scope: Locator) => new LimitsPanel(page).ignoredNotice(scope);

describe('limits that the active engine does not enforce', () => {
  const name = `e2e-ignored-${suffix}`;

  it('warns in the Limits panel, saying why and what to do, and links to the Engine page', async () => {
    await runIdleContainer(docker, harness().busyboxImage, name);
    const containers = new ContainersPage(page);
    await containers.open();
    await containers.filter().fill(suffix);
    await containers.nameLink(name).click();
    const detail = new ContainerDetailPage(page);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').click();
    const limits = new LimitsPanel(page);
    const warning = limits.ignoredNotice();
    await warning.waitFor({ timeout: 10_000 });
    const text = await warning.textContent();
    expect(text).toContain('It runs rootless on cgroup v1');
    expect(text).toContain('CPU, memory and pids limits set here will not apply (the restart policy will).');
    expect(text).toContain('boot with cgroup v2 and delegate cpu, memory and pids to your user');
    // The editor stays usable: the warning informs, it does not block (the restart policy still applies).
    await limits.memoryField().waitFor();
    await shots(page, 'limits-ignored-panel');

    await warning.getByRole('link', { name: 'How this engine runs (Engine page)' }).click();
    await page.getByRole('heading', { name: 'Engine', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Runs rootless' }).waitFor();
    expect(await page.getByText(NOTE).count()).toBe(1);
  });

  it('warns in the bulk "Set limits…" dialog', async () => {
    const containers = new ContainersPage(page);
    await containers.open();
    await containers.filter().fill(suffix);
    await containers.select(name);
    await page.getByRole('button', { name: 'Set limits…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set limits of 1 container' });
    await notice(dialog).waitFor({ timeout: 10_000 });
    await shots(page, 'limits-ignored-bulk');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('warns beside the default limits in Settings and on the run dialog’s Limits tab', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    const section = page.getByRole('region', { name: 'Default limits for new containers' });
    await notice(section).waitFor({ timeout: 10_000 });
    await section.scrollIntoViewIfNeeded();
    await shots(page, 'limits-ignored-settings');

    const run = new RunDialog(page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.tab('Limits').click();
    await notice(run.dialog()).waitFor({ timeout: 10_000 });
    await shots(page, 'limits-ignored-run');
    await page.keyboard.press('Escape');
  });
});
