// The soak's figures: what each window (after warm-up, and at the end) measured, the table printed against the
// goals, and which goals decide the exit code. Timing figures are printed against their goals but never fail
// the run (the project's rule: no assertion on a timing); heap growth, dropped ticks and a crash do.
// Memory growth is judged on the V8 heaps in use after a forced GC (the core's and the renderer's): that is
// what a leak grows. The core's RSS is printed beside it, not judged: it also moves with the allocator's caches
// and fragmentation (typed arrays of series created and freed under churn), and is noisy on a loaded machine.
import { fmt, markdownTable, median } from './table';

export const goals = { memoryGrowthPercent: 5, eventLoopP99Ms: 50, droppedTicks: 0 };

export interface WindowFigures {
  /** Median of the core's RSS samples (from /proc) in the window, bytes. */
  coreRss: number;
  /** The core's V8 heap in use after a forced full GC at the window's end (the least of a few readings), bytes. */
  coreHeap: number;
  /** Renderer JS heap in use after a forced collection at the window's end (the least of a few readings), bytes. */
  rendererHeap: number;
  /** Worst 5-second p99 of the core's event-loop delay in the window, ms. */
  eventLoopP99Ms: number;
  longTasks: number;
  longTaskMs: number;
  droppedTicks: number;
  ticks: number;
}

/** Ticks missing between `from` and `to`: every gap between consecutive ticks longer than 1.5 intervals. */
export function droppedTicks(
  times: number[],
  from: number,
  to: number,
  intervalMs = 1000,
): { dropped: number; ticks: number } {
  const inside = times.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let dropped = 0;
  const edges = [from, ...inside, to];
  for (let i = 1; i < edges.length; i += 1) {
    const gap = edges[i]! - edges[i - 1]!;
    if (gap > intervalMs * 1.5) dropped += Math.round(gap / intervalMs) - 1;
  }
  return { dropped, ticks: inside.length };
}

export function windowMedian(samples: Array<{ t: number; value: number }>, from: number, to: number): number {
  return median(samples.filter((sample) => sample.t >= from && sample.t <= to).map((sample) => sample.value));
}

const mib = (bytes: number) => fmt(bytes / 1024 / 1024, 1);
const growth = (start: number, end: number) => ((end - start) / start) * 100;

export interface Verdict {
  table: string;
  failures: string[];
}

export function judge(start: WindowFigures, end: WindowFigures, crashed: string | null): Verdict {
  const failures: string[] = [];
  const rssGrowth = growth(start.coreRss, end.coreRss);
  const coreHeapGrowth = growth(start.coreHeap, end.coreHeap);
  const heapGrowth = growth(start.rendererHeap, end.rendererHeap);
  if (!(coreHeapGrowth < goals.memoryGrowthPercent))
    failures.push(`core heap after GC grew ${fmt(coreHeapGrowth, 1)} % (goal < ${goals.memoryGrowthPercent} %)`);
  if (!(heapGrowth < goals.memoryGrowthPercent))
    failures.push(`renderer JS heap grew ${fmt(heapGrowth, 1)} % (goal < ${goals.memoryGrowthPercent} %)`);
  const dropped = start.droppedTicks + end.droppedTicks;
  if (dropped > goals.droppedTicks) failures.push(`${dropped} stats ticks dropped (goal ${goals.droppedTicks})`);
  if (crashed) failures.push(crashed);
  const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const table = markdownTable(
    ['figure', 'start', 'end', 'change', 'goal', ''],
    [
      [
        'core V8 heap after GC (MiB)',
        mib(start.coreHeap),
        mib(end.coreHeap),
        `${fmt(coreHeapGrowth, 1)} %`,
        `< ${goals.memoryGrowthPercent} %`,
        mark(coreHeapGrowth < goals.memoryGrowthPercent),
      ],
      [
        'core RSS (MiB, median of the window)',
        mib(start.coreRss),
        mib(end.coreRss),
        `${fmt(rssGrowth, 1)} %`,
        'printed, not judged',
        '',
      ],
      [
        'renderer JS heap after GC (MiB)',
        mib(start.rendererHeap),
        mib(end.rendererHeap),
        `${fmt(heapGrowth, 1)} %`,
        `< ${goals.memoryGrowthPercent} %`,
        mark(heapGrowth < goals.memoryGrowthPercent),
      ],
      [
        'core event-loop delay p99 (ms, worst 5 s)',
        fmt(start.eventLoopP99Ms, 1),
        fmt(end.eventLoopP99Ms, 1),
        '',
        `< ${goals.eventLoopP99Ms} ms (printed, not asserted)`,
        mark(Math.max(start.eventLoopP99Ms, end.eventLoopP99Ms) < goals.eventLoopP99Ms),
      ],
      [
        'page long tasks (count / total ms)',
        `${start.longTasks} / ${fmt(start.longTaskMs, 0)}`,
        `${end.longTasks} / ${fmt(end.longTaskMs, 0)}`,
        '',
        'printed, not asserted',
        '',
      ],
      [
        'stats ticks received / dropped',
        `${start.ticks} / ${start.droppedTicks}`,
        `${end.ticks} / ${end.droppedTicks}`,
        '',
        `${goals.droppedTicks} dropped`,
        mark(dropped === 0),
      ],
    ],
  );
  return { table, failures };
}
