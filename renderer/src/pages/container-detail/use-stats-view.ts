// What the Stats tab's charts show for the chosen range and zoom, from the right source: the live ring for
// the last 15 minutes (following the ticks, or frozen when paused or zoomed), the recorded store through
// `stats:range` for longer ranges and for zoomed windows further back (where it answers at a finer tier).
import { useMemo } from 'react';
import { describeCoverage, historyChartData } from '../../stats/history/history-chart-data';
import { clockFormat, formatSpan, isLiveRange, zoomSource, type TimeWindow } from '../../stats/history/time-window';
import { thinRange } from '../../stats/history/thin-rows';
import { useHistoryRange } from '../../stats/history/use-history-range';
import { useStatsSeries } from '../../stats/use-stats';
import { chartData, type ChartData } from './charts/chart-data';

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
  const span = useStatsSeries(id, ringSeconds, zoom ? zoom.to : frozenAt);
  const history = useHistoryRange([id], rangeSeconds, zoom, source === 'store');
  return useMemo(() => {
    let data: ChartData | null = null;
    if (source === 'ring') {
      data = span ? { ...chartData(span), axis: zoom ? 'clock' : 'ago', stepMs: 1000 } : null;
    } else if (history.window) {
      const range = history.ranges?.find((candidate) => id.startsWith(candidate.id) || candidate.id.startsWith(id));
      data = historyChartData(range && thinRange(range), history.window);
      data.axis = 'clock';
    }
    const window = data ? { from: data.from, to: data.to } : null;
    const coverage = data
      ? `${formatSpan(data.stepMs ?? 1000)} steps · ${describeCoverage(data, clockFormat(60_000))}`
      : null;
    return { data, window, source, coverage, error: source === 'store' ? history.error : null };
  }, [source, span, zoom, history.window, history.ranges, history.error, id]);
}
