// The Stats tab of a container's page: the time range, pan, zoom, pause and export controls, then CPU (with
// throttling), memory, network, disk and processes charts, each against its limits, and the Limits panel that
// changes those limits live: beside the charts on wide windows, right under CPU and memory on narrow ones
// (see limits.css). Declares the watch and the history it needs while mounted; React Aria mounts only the
// selected tab's panel, so hidden charts cost nothing. Zoom state lives here: every chart follows it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import type { StatsWatchResult } from '@shared/stats-types';
import { useChannelQuery } from '../../data/channel-query';
import { useNow } from '../../lib/use-now';
import { isStopped } from '../../model/container-filter';
import { recordingLine } from '../../stats/history/recording-text';
import {
  clampWindow,
  clockFormat,
  formatWindow,
  isLiveRange,
  panWindow,
  recordedSpanMs,
  type TimeWindow,
} from '../../stats/history/time-window';
import { useStatsStore } from '../../stats/stats-context';
import { useLatestStats, useStatsHistory, useStatsMeta, useStatsShown, useStatsWatch } from '../../stats/use-stats';
import { useChartColors } from './charts/chart-colors';
import { ChartZoomProvider, useZoomDrag } from './charts/chart-zoom';
import { StatsCharts } from './stats-charts';
import { useStatsExport } from './stats-export';
import { StatsToolbar } from './stats-toolbar';
import { useStatsView } from './use-stats-view';
import { LimitsPanel } from './limits/limits-panel';
import '../../styles/charts.css';
import '../../styles/limits-panel.css';

/**
 * How often this tab's charts get a row: the focused interval where the collector reads that fast (cgroup files);
 * the engine's API and the VM's stream send about one frame a second whatever is asked.
 */
function liveIntervalSeconds(meta: StatsWatchResult): number {
  const ms = meta.collector === 'cgroup' ? meta.focusIntervalMs : meta.intervalMs;
  return Math.round(ms / 10) / 100;
}

/** States without processes, so without live stats (a paused container still has its memory). */
const stoppedStates = new Set<ContainerSummary['state']>(['created', 'exited', 'dead']);

export function StatsTab({ container, gone }: { container: ContainerSummary; gone: boolean }) {
  const { id, name } = container;
  const { series } = useStatsStore();
  const [rangeSeconds, setRangeSeconds] = useState(60);
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const [zoom, setZoom] = useState<TimeWindow | null>(null);
  // Charted: sampled fast while the charts follow live data (a paused chart needs no fresher rows).
  useStatsWatch({ ids: gone ? [] : [id], focus: frozenAt === null });
  useStatsHistory(gone ? null : id);
  // Its last known stats stay on screen after a removal, until this tab closes.
  useStatsShown(id);
  // The newest row, also the one the core sends after a limits update: labels move with the limit lines.
  const latest = useLatestStats(id);
  const meta = useStatsMeta();
  const colors = useChartColors();
  // Coarse: only decides whether a zoomed window still lies in the ring's 15 minutes, and where pan stops.
  const now = useNow(5000);
  const view = useStatsView(id, rangeSeconds, zoom, frozenAt, now);
  const recording = useChannelQuery('stats:recording', {}, { staleTime: 30_000 });
  const exporter = useStatsExport(id, name);

  // The window shown moves with every tick on live ranges: the toolbar's callbacks read it from here, so they
  // stay the same functions and the memoised toolbar does not re-render each tick.
  const shownWindow = useRef<TimeWindow | null>(null);
  useEffect(() => {
    shownWindow.current = zoom ?? view.window;
  }, [zoom, view.window]);
  const pan = useCallback((direction: -1 | 1) => {
    const shown = shownWindow.current;
    if (!shown) return;
    const latestTime = Math.max(Date.now(), shown.to);
    const next = panWindow(shown, direction, latestTime - recordedSpanMs, latestTime);
    // Panned back to the present: follow live again rather than sit on a frozen window ending now.
    setZoom(direction === 1 && next.to >= latestTime - 1000 ? null : next);
  }, []);
  const zoomTo = useCallback((window: TimeWindow) => setZoom(clampWindow(window, Date.now())), []);
  const zoomDrag = useZoomDrag(zoomTo, pan);

  const live = isLiveRange(rangeSeconds);
  const status = zoom
    ? `Zoomed to ${formatWindow(zoom)}`
    : frozenAt !== null && live
      ? `Paused at ${clockFormat(60_000)(frozenAt)}; still collecting`
      : gone
        ? 'No live data: the container was removed'
        : stoppedStates.has(container.state)
          ? `No live data: the container is ${container.state}`
          : !live
            ? 'Recorded history, updated as it grows'
            : meta
              ? `Live · every ${liveIntervalSeconds(meta)} s`
              : 'Live';
  const chartsData = useMemo(() => view.data, [view.data]);
  const changeRange = useCallback((seconds: number) => {
    setRangeSeconds(seconds);
    setZoom(null);
  }, []);
  const lastTick = series.lastTick;
  const changePaused = useCallback(
    (paused: boolean) => setFrozenAt(paused ? lastTick() || Date.now() : null),
    [lastTick],
  );
  const resetZoom = useCallback(() => setZoom(null), []);
  const exporterRef = useRef(exporter);
  useEffect(() => {
    exporterRef.current = exporter;
  });
  const exportShown = useCallback((format: 'csv' | 'json') => {
    if (shownWindow.current) exporterRef.current.run(format, shownWindow.current);
  }, []);
  return (
    <div className="stats-layout">
      <div className="stats-layout-toolbar">
        <StatsToolbar
          rangeSeconds={rangeSeconds}
          onRangeChange={changeRange}
          paused={live ? frozenAt !== null : undefined}
          onPausedChange={changePaused}
          zoomed={zoom !== null}
          onResetZoom={resetZoom}
          onPan={pan}
          canPanLater={zoom !== null}
          onExport={view.window ? exportShown : null}
          exporting={exporter.pending}
          status={status}
          recording={recording.data ? recordingLine(recording.data) : null}
          coverage={view.coverage}
        />
        {exporter.error && (
          <p className="stats-error" role="alert">
            Could not export: {exporter.error}
          </p>
        )}
        {view.error && (
          <p className="stats-error" role="alert">
            Could not read the recorded history: {view.error.message}
          </p>
        )}
      </div>
      {!chartsData ? (
        <p className="panel muted stats-layout-main">{noDataText(container, gone, live || zoom !== null)}</p>
      ) : (
        <ChartZoomProvider value={zoomDrag}>
          <StatsCharts name={name} data={chartsData} latest={latest} colors={colors} />
        </ChartZoomProvider>
      )}
      {!gone && (
        <div className="stats-layout-limits">
          <LimitsPanel container={container} />
        </div>
      )}
    </div>
  );
}

function noDataText(container: ContainerSummary, gone: boolean, live: boolean): string {
  if (!live) return 'Reading the recorded history…';
  if (gone) return 'No stats were recorded for this container.';
  if (isStopped(container)) return `${container.name} is not running: start it to see its live stats.`;
  return 'Waiting for the first sample…';
}
