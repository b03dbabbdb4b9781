// The soak's browser side: the Containers page of `berth serve` open in Chromium, with the page's long tasks
// recorded (PerformanceObserver 'longtask') and its JS heap read through CDP after a forced garbage collection,
// so heap figures compare live objects rather than garbage not yet collected.
import { writeFile } from 'node:fs/promises';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/harness/browser';
import { ContainersPage } from '../test/e2e/pages/containers-page';

declare global {
  interface Window {
    soakLongTasks?: number[];
  }
}

export interface SoakPage {
  /** Long tasks since the page opened, as [startTime, duration] pairs flattened: count and total. */
  longTasksSince(sinceMs: number): Promise<{ count: number; totalMs: number }>;
  /** JS heap in use after a forced collection, in bytes. */
  jsHeapUsed(): Promise<number>;
  /** Writes a heap snapshot of the page (CDP HeapProfiler), for comparing what is retained between two points. */
  writeHeapSnapshot(file: string): Promise<void>;
  /** performance.now() in the page, to mark windows. */
  now(): Promise<number>;
  close(): Promise<void>;
}

export async function openContainersPage(url: string): Promise<SoakPage> {
  const browser: Browser = await launchChromium();
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.soakLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.soakLongTasks!.push(entry.startTime, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await new ContainersPage(page).open();
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    longTasksSince: (sinceMs) =>
      page.evaluate((since) => {
        const all = window.soakLongTasks ?? [];
        let count = 0;
        let totalMs = 0;
        for (let i = 0; i < all.length; i += 2) {
          if (all[i]! < since) continue;
          count += 1;
          totalMs += all[i + 1]!;
        }
        return { count, totalMs };
      }, sinceMs),
    jsHeapUsed: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    },
    writeHeapSnapshot: async (file) => {
      const chunks: string[] = [];
      const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
      try {
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      } finally {
        cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
      }
      await writeFile(file, chunks.join(''));
    },
    now: () => page.evaluate(() => performance.now()),
    close: () => browser.close(),
  };
}
