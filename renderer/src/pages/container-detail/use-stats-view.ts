// What the Stats tab's charts show for the chosen range and zoom, from the right source: the live ring for
// the last 15 minutes (following the ticks, or frozen when paused or zoomed), the recorded store through
// `stats:range` for longer ranges and for zoomed windows further back (where it answers at a finer tier).
// A view on the store does not follow the ticks: its data changes only when the store answers anew (once per
// store step), so the charts, which redraw only when their data changes, stay still in between. The data is
// every row of the window (the charts thin it to their width); the coverage line says what it holds.
import { useMemo } from 'react';
import { describeCoverage, historyChartData } from '../../stats/history/history-chart-data';
import { clockFormat, formatSpan, isLiveRange, zoomSource, type TimeWindow } from '../../stats/history/time-window';
import { useHistoryRange } from '../../stats/history/use-history-range';
import { useStatsSeries } from '../../stats/use-stats';
import { chartData, type ChartData } from './charts/chart-data';
import { rowStepMs } from './charts/row-step';

export interface StatsView {
  data: ChartData | null;
  /** The window shown (for export and pan). */
  window: TimeWindow | null;
  source: 'ring' | 'store';
  /** "Showing 1 h at 10 s steps · 360 samples · no gaps". */
  coverage: string | null;
  error: Error | null;
}

export function useStatsView(
  id: string,
  rangeSeconds: number,
  zoom: TimeWindow | null,
  frozenAt: number | null,
  now: number,
): StatsView {
  const source = zoom ? zoomSource(zoom, now) : isLiveRange(rangeSeconds) ? 'ring' : 'store';
  const ringSeconds = zoom ? (zoom.to - zoom.from) / 1000 : rangeSeconds;
  const span = useStatsSeries(id, ringSeconds, zoom ? zoom.to : frozenAt, source === 'ring');
  const history = useHistoryRange([id], rangeSeconds, zoom, source === 'store');
  const data = useMemo<ChartData | null>(() => {
    if (source === 'ring') {
      if (!span) return null;
      const live = chartData(span);
      return { ...live, axis: zoom ? 'clock' : 'ago', stepMs: rowStepMs(live.rows) };
    }
    if (!history.window) return null;
    const range = history.ranges?.find((candidate) => id.startsWith(candidate.id) || candidate.id.startsWith(id));
    return { ...historyChartData(range, history.window), axis: 'clock' };
  }, [source, span, zoom, history.window, history.ranges, id]);
  const coverage = useMemo(
    () => (data ? `${formatSpan(data.stepMs ?? 1000)} steps · ${describeCoverage(data, clockFormat(60_000))}` : null),
    [data],
  );
  const window = useMemo(() => (data ? { from: data.from, to: data.to } : null), [data]);
  return { data, window, source, coverage, error: source === 'store' ? history.error : null };
}
