// Part 1 of `npm run bench:ui`: the Containers page open and live for a window, and what that costs over the
// same wall-clock stretch: the browser (every process of the launched Chromium, found by process tree from its
// pid), Berth's core (`serve` and its children) and the engine (daemons and shims), each as % of one core.
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { ContainersPage } from '../test/e2e/pages/containers-page';
import type { PrivateEngine } from '../test/harness/private-engine';
import { engineProcesses } from './engine-processes';
import { cpuSecondsBetween, cpuSnapshot, withDescendants } from './proc-usage';
import { sleep } from './stats-window';

export interface LiveCpu {
  seconds: number;
  browserPct: number;
  corePct: number;
  enginePct: number;
}

/** Warm-up before the window: the page's code compiled, the first ticks drawn, every row's sparkline started. */
const settleMs = 10_000;

export async function measureLiveContainersPage(
  {
    engine,
    browser,
    browserPid,
    servePid,
    serveUrl,
  }: {
    engine: PrivateEngine;
    browser: Browser;
    browserPid: number;
    servePid: number;
    serveUrl: string;
  },
  { seconds, firstRow }: { seconds: number; firstRow: string },
): Promise<LiveCpu> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(serveUrl);
    const containers = new ContainersPage(page);
    try {
      await containers.open();
      await containers.row(firstRow).waitFor({ timeout: 30_000 });
    } catch (error) {
      // Seen on a loaded machine: keep what the page showed, to tell a slow page from a stuck one.
      await page.screenshot({ path: 'bench-ui-failed.png' }).catch(() => undefined);
      throw new Error(
        `${(error as Error).message}\n[bench:ui] the page showed (bench-ui-failed.png): ${(
          await page
            .locator('body')
            .innerText()
            .catch(() => '?')
        ).slice(0, 400)}`,
      );
    }
    await sleep(settleMs);

    const groups = {
      browser: () => withDescendants(browserPid),
      core: () => withDescendants(servePid),
      engine: () => engineProcesses(engine).all,
    };
    const pidsAtStart = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids()]));
    const start = Object.fromEntries(Object.entries(pidsAtStart).map(([name, pids]) => [name, cpuSnapshot(pids)]));
    const started = performance.now();
    await sleep(seconds * 1000);
    const pct: Record<string, number> = {};
    const end = Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [
        name,
        cpuSnapshot([...new Set([...pidsAtStart[name]!, ...pids()])]),
      ]),
    );
    const elapsed = (performance.now() - started) / 1000;
    for (const name of Object.keys(groups)) {
      const { seconds: cpu, lostPids } = cpuSecondsBetween(start[name]!, end[name]!);
      if (lostPids.length > 0) console.warn(`[bench:ui] ${lostPids.length} ${name} process(es) exited in the window`);
      pct[name] = (cpu / elapsed) * 100;
    }
    return { seconds: elapsed, browserPct: pct.browser!, corePct: pct.core!, enginePct: pct.engine! };
  } finally {
    await page.close();
  }
}
