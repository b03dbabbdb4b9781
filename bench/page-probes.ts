// What a benchmark reads from a page in Chromium: its long tasks (PerformanceObserver 'longtask', recorded from
// the first script on) and its JS heap through CDP after a forced garbage collection, so heap figures compare
// live objects rather than garbage not yet collected. Attach before the page's first navigation.
import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

declare global {
  interface Window {
    benchLongTasks?: number[];
  }
}

export interface PageProbes {
  /** Long tasks that started at or after `sinceMs` (the page's performance.now()): count and total. */
  longTasksSince(sinceMs: number): Promise<{ count: number; totalMs: number }>;
  /** JS heap in use after a forced collection, in bytes. */
  jsHeapUsed(): Promise<number>;
  /** Writes a heap snapshot of the page (CDP HeapProfiler), for comparing what is retained between two points. */
  writeHeapSnapshot(file: string): Promise<void>;
  /** performance.now() in the page, to mark windows. */
  now(): Promise<number>;
}

export async function attachPageProbes(page: Page): Promise<PageProbes> {
  await page.addInitScript(() => {
    // Flattened [startTime, duration] pairs: cheap to keep for hours.
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks!.push(entry.startTime, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    longTasksSince: (sinceMs) =>
      page.evaluate((since) => {
        const all = window.benchLongTasks ?? [];
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
  };
}
