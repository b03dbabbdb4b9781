// The live CPU and Memory cells of the containers table: the latest value and a one-minute sparkline (CPU)
// or a bar against the limit (memory). Each cell subscribes to the stats store itself and re-renders only
// when its own text, line or bar changed (useStatsView), so a tick re-renders neither the table nor the rows
// of containers whose figures stayed the same. Stopped containers show a dash.
import type { ContainerSummary } from '@shared/container-types';
import { SparklineLines, sparklinePoints } from '../../components/sparkline';
import { UsageBar } from '../../components/usage-bar';
import { formatBytes } from '../../format/bytes';
import { formatCores, formatMemoryUsage, formatPercent } from '../../format/stats-format';
import { isStopped } from '../../model/container-filter';
import type { SeriesStore } from '../../stats/series-store';
import { valueOf } from '../../stats/series-window';
import { useStatsView } from './use-stats-view';

const sparklineSeconds = 60;
const sparkline = { width: 56, height: 18 };

export function CpuCell({ container }: { container: ContainerSummary }) {
  if (isStopped(container)) return <NoStats />;
  return <LiveCpu id={container.id} />;
}

export function MemoryCell({ container }: { container: ContainerSummary }) {
  if (isStopped(container)) return <NoStats />;
  return <LiveMemory id={container.id} />;
}

function NoStats() {
  return (
    <span className="muted" title="Not running">
      —
    </span>
  );
}

/** No sample yet (the first tick is up to a second away), or the series just ended. */
type Waiting = { waiting: '…' | '—' };

function waitingFor(series: SeriesStore, id: string): Waiting | null {
  const latest = series.latest(id);
  if (!latest) return { waiting: '…' };
  return latest.ended ? { waiting: '—' } : null;
}

function cpuView(series: SeriesStore, id: string): Waiting | { text: string; title: string; lines: string[] | null } {
  const waiting = waitingFor(series, id);
  if (waiting) return waiting;
  const { values } = series.latest(id)!;
  const cpu = valueOf(values, 'cpuPercent');
  const limit = valueOf(values, 'cpuLimitCores');
  const span = series.window(id, sparklineSeconds);
  const points = span?.columns.cpuPercent ?? [];
  const top = Math.max(100, limit === null ? 0 : limit * 100, ...points.map((v) => v ?? 0));
  return {
    text: formatPercent(cpu),
    title: `CPU ${formatPercent(cpu)} of one core${limit === null ? '' : `, limit ${formatCores(limit)}`}; the line shows the last minute`,
    lines: span && sparklinePoints(span.t, points, span.from, span.to, top, sparkline.width, sparkline.height),
  };
}

function memoryView(
  series: SeriesStore,
  id: string,
): Waiting | { text: string; title: string; fraction: number | null } {
  const waiting = waitingFor(series, id);
  if (waiting) return waiting;
  const { values } = series.latest(id)!;
  const used = valueOf(values, 'memBytes');
  const limit = valueOf(values, 'memLimitBytes');
  return {
    text: formatMemoryUsage(used, limit),
    title: limit === null ? 'No memory limit' : `Limit ${formatBytes(limit)}`,
    // The bar draws tenths of a percent: a finer change would re-render it for no visible difference.
    fraction: limit === null || used === null ? null : Math.round((used / limit) * 1000) / 1000,
  };
}

function LiveCpu({ id }: { id: string }) {
  const view = useStatsView(id, cpuView);
  if ('waiting' in view) return <span className="muted">{view.waiting}</span>;
  return (
    <span className="stat-cell stat-cell-cpu" title={view.title}>
      {view.lines && <SparklineLines lines={view.lines} {...sparkline} />}
      <span className="stat-value numeric">{view.text}</span>
    </span>
  );
}

function LiveMemory({ id }: { id: string }) {
  const view = useStatsView(id, memoryView);
  if ('waiting' in view) return <span className="muted">{view.waiting}</span>;
  return (
    <span className="stat-cell-stack" title={view.title}>
      <span className="stat-value numeric">{view.text}</span>
      {view.fraction !== null && <UsageBar fraction={view.fraction} />}
    </span>
  );
}
