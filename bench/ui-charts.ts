// Part 2 of `npm run bench:ui`: one container's page with its charts open at a range (the widest, 7 days,
// unless told otherwise) for a long stretch: long tasks over 50 ms from the first minute on, and the JS heap
// after a forced collection at one minute and at the end. A live range (15 min) fills for its first 15
// minutes, so its heap grows with the rows it draws; the recorded 7 days gain a row a minute.
import type { Browser } from 'playwright-core';
import { ContainerDetailPage } from '../test/e2e/pages/container-detail-page';
import { attachPageProbes } from './page-probes';
import { sleep } from './stats-window';

export type ChartRange = '15 min' | '1 h' | '6 h' | '1 day' | '7 days';

export interface ChartsSoak {
  minutes: number;
  range: ChartRange;
  longTasks: number;
  longTaskMs: number;
  heapAt1MinBytes: number;
  heapAtEndBytes: number;
  heapGrowthPct: number;
}

export async function measureChartsPage(
  browser: Browser,
  serveUrl: string,
  { container, minutes, range = '7 days' }: { container: string; minutes: number; range?: ChartRange },
): Promise<ChartsSoak> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const probes = await attachPageProbes(page);
    await page.goto(serveUrl);
    const detail = new ContainerDetailPage(page);
    await detail.open(container);
    await detail.tab('Stats').click();
    await detail.timeRange(range).click();
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
      range,
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
