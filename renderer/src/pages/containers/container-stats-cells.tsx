// The live CPU and Memory cells of the containers table: the latest value and a one-minute sparkline (CPU)
// or a bar against the limit (memory). Each cell subscribes to the stats store itself, so a tick
// re-renders these small cells and not the table. Stopped containers show a dash.
import type { ContainerSummary } from '@shared/container-types';
import { Sparkline } from '../../components/sparkline';
import { UsageBar } from '../../components/usage-bar';
import { formatBytes } from '../../format/bytes';
import { formatCores, formatMemoryUsage, formatPercent } from '../../format/stats-format';
import { isStopped } from '../../model/container-filter';
import { valueOf } from '../../stats/series-window';
import { useLatestStats, useStatsSeries } from '../../stats/use-stats';

const sparklineSeconds = 60;

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

function LiveCpu({ id }: { id: string }) {
  const latest = useLatestStats(id);
  const span = useStatsSeries(id, sparklineSeconds);
  if (!latest || latest.ended) return <Waiting ended={latest !== null} />;
  const cpu = valueOf(latest.values, 'cpuPercent');
  const limit = valueOf(latest.values, 'cpuLimitCores');
  const values = span?.columns.cpuPercent ?? [];
  const top = Math.max(100, limit === null ? 0 : limit * 100, ...values.map((v) => v ?? 0));
  const title = `CPU ${formatPercent(cpu)} of one core${limit === null ? '' : `, limit ${formatCores(limit)}`}; the line shows the last minute`;
  return (
    <span className="stat-cell stat-cell-cpu" title={title}>
      {span && <Sparkline t={span.t} values={values} from={span.from} to={span.to} max={top} />}
      <span className="stat-value numeric">{formatPercent(cpu)}</span>
    </span>
  );
}

function LiveMemory({ id }: { id: string }) {
  const latest = useLatestStats(id);
  if (!latest || latest.ended) return <Waiting ended={latest !== null} />;
  const used = valueOf(latest.values, 'memBytes');
  const limit = valueOf(latest.values, 'memLimitBytes');
  return (
    <span className="stat-cell-stack" title={limit === null ? 'No memory limit' : `Limit ${formatBytes(limit)}`}>
      <span className="stat-value numeric">{formatMemoryUsage(used, limit)}</span>
      {limit !== null && used !== null && <UsageBar fraction={used / limit} />}
    </span>
  );
}

/** Running, but no sample yet (the first tick is up to a second away), or its series just ended. */
function Waiting({ ended }: { ended: boolean }) {
  return <span className="muted">{ended ? '—' : '…'}</span>;
}
