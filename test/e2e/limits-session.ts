// What the live-limits end-to-end files share: `berth serve` on the private engine opened in Chromium, with
// page errors, CSP violations and the channels the page sent recorded; containers made for the test (removed
// afterwards); and opening a container's Stats tab from the Containers list.
import type Dockerode from 'dockerode';
import Docker from 'dockerode';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runTestContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainerDetailPage } from './pages/container-detail-page';
import { ContainersPage } from './pages/containers-page';
import { LimitsPanel } from './pages/limits-panel';

export const MiB = 1024 * 1024;

export class LimitsSession {
  page!: Page;
  docker!: Dockerode;
  readonly pageErrors: string[] = [];
  readonly cspViolations: string[] = [];
  /** Requests the page sent over the bridge, by channel: proves a refused value never left the browser. */
  readonly sentChannels: string[] = [];
  private serve: ServeProcess | undefined;
  private browser: Browser | undefined;
  private readonly created: Dockerode.Container[] = [];

  async start(): Promise<void> {
    this.docker = new Docker({ socketPath: harness().socketPath });
    this.serve = await startServe(harness().dockerHost);
    this.browser = await launchChromium();
    this.page = await this.browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
    this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
    // Recharts, React Aria and the sliders' usage marker style through the CSSOM, which the strict CSP allows.
    this.page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        this.cspViolations.push(message.text());
    });
    this.page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        const channel = /"channel":"([^"]+)"/.exec(String(payload))?.[1];
        if (channel) this.sentChannels.push(channel);
      });
    });
    await this.page.goto(this.serve.url);
    mkdirSync('test-results', { recursive: true });
  }

  async stop(): Promise<void> {
    await Promise.all(this.created.map((container) => container.remove({ force: true }).catch(() => undefined)));
    await this.browser?.close();
    await this.serve?.stop();
  }

  /** Creates and starts a labelled busybox container with a memory limit. */
  async run(name: string, cmd: string[], memoryBytes: number): Promise<Dockerode.Container> {
    const container = await runTestContainer(this.docker, {
      image: harness().busyboxImage,
      name,
      cmd,
      hostConfig: { Memory: memoryBytes },
    });
    this.created.push(container);
    return container;
  }

  async memoryOf(container: Dockerode.Container): Promise<number> {
    return (await container.inspect()).HostConfig.Memory ?? 0;
  }

  /** Opens a container's page from the Containers list, on its Stats tab, and waits for its limits to show. */
  async openStats(name: string, memoryText: string): Promise<{ detail: ContainerDetailPage; limits: LimitsPanel }> {
    const containers = new ContainersPage(this.page);
    await containers.open();
    await containers.row(name).waitFor({ timeout: 5_000 });
    await containers.nameLink(name).click();
    const detail = new ContainerDetailPage(this.page);
    await detail.heading(name).waitFor();
    await detail.tab('Stats').click();
    const limits = new LimitsPanel(this.page);
    await expect.poll(() => limits.memoryField().inputValue(), { timeout: 10_000 }).toBe(memoryText);
    return { detail, limits };
  }

  /**
   * Starts recording, every frame, which limit labels the memory chart shows; the returned function stops and
   * gives each change in order. Catches a line that moves and then jumps back, which a wait for the new label
   * alone would not.
   */
  async recordMemoryLimitLabels(name: string): Promise<() => Promise<string[]>> {
    const chart = `Memory usage of ${name}, with its limit`;
    await this.page.evaluate((label) => {
      const record = { seen: [] as string[], stopped: false };
      (window as unknown as { berthLimitLabels: typeof record }).berthLimitLabels = record;
      const read = () => {
        if (record.stopped) return;
        const image = Array.from(document.querySelectorAll('[role="img"]')).find(
          (element) => element.getAttribute('aria-label') === label,
        );
        const texts = Array.from(image?.querySelectorAll('text') ?? [])
          .map((text) => text.textContent ?? '')
          .filter((text) => text.startsWith('limit '));
        const now = texts.join(', ');
        if (now !== record.seen.at(-1)) record.seen.push(now);
        requestAnimationFrame(read);
      };
      read();
    }, chart);
    return () =>
      this.page.evaluate(() => {
        const record = (window as unknown as { berthLimitLabels: { seen: string[]; stopped: boolean } })
          .berthLimitLabels;
        record.stopped = true;
        return record.seen;
      });
  }

  /** The memory chart's limit label ("limit 128 MiB"), drawn beside its limit line. */
  memoryLimitLabel(name: string, mib: number) {
    return this.page
      .getByRole('img', { name: `Memory usage of ${name}, with its limit`, exact: true })
      .locator('text', { hasText: `limit ${mib} MiB` });
  }
}

/**
 * One session for the test file that calls this: started before its tests, stopped after them, and the page
 * must not have thrown or broken its CSP whatever the tests did.
 */
export function limitsSessionForFile(): LimitsSession {
  const session = new LimitsSession();
  beforeAll(() => session.start());
  afterAll(async () => {
    await session.stop();
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
  return session;
}
