// Part 2 of `npm run bench:ui`: one container's page with its charts open at the widest range for a long
// stretch: long tasks over 50 ms from the first minute on, and the JS heap after a forced collection at one
// minute and at the end.
import type { Browser } from 'playwright-core';
import { ContainerDetailPage } from '../test/e2e/pages/container-detail-page';
import { attachPageProbes } from './page-probes';
import { sleep } from './stats-window';

export interface ChartsSoak {
  minutes: number;
  longTasks: number;
  longTaskMs: number;
  heapAt1MinBytes: number;
  heapAtEndBytes: number;
  heapGrowthPct: number;
}

export async function measureChartsPage(
  browser: Browser,
  serveUrl: string,
  { container, minutes }: { container: string; minutes: number },
): Promise<ChartsSoak> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const probes = await attachPageProbes(page);
    await page.goto(serveUrl);
    const detail = new ContainerDetailPage(page);
    await detail.open(container);
    await detail.tab('Stats').click();
    await detail.timeRange('15 min').click();
    await detail.chart(`CPU usage of ${container}, with its limit`).waitFor({ timeout: 30_000 });

    // The first minute loads the tab's code and fills the window: the figures start after it.
    await sleep(60_000);
    const heapAt1MinBytes = await probes.jsHeapUsed();
    // Long tasks are counted between the two forced collections, which are the benchmark's, not the page's.
    const since = await probes.now();
    await sleep((minutes - 1) * 60_000);
    const { count, totalMs } = await probes.longTasksSince(since);
    const heapAtEndBytes = await probes.jsHeapUsed();
    return {
      minutes,
      longTasks: count,
      longTaskMs: totalMs,
      heapAt1MinBytes,
      heapAtEndBytes,
      heapGrowthPct: ((heapAtEndBytes - heapAt1MinBytes) / heapAt1MinBytes) * 100,
    };
  } finally {
    await page.close();
  }
}
