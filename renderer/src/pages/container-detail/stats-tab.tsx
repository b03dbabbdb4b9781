// The Stats tab of a container's page: the time range and pause controls, then CPU (with throttling),
// memory, network, disk and processes charts, each against its limits, and the Limits panel that changes
// those limits live: beside the charts on wide windows, right under CPU and memory on narrow ones (see
// limits.css). Declares the watch and the history it needs while mounted; React Aria mounts only the
// selected tab's panel, so hidden charts cost nothing.
import { useMemo, useState } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { isStopped } from '../../model/container-filter';
import { useStatsStore } from '../../stats/stats-context';
import {
  useLatestStats,
  useStatsHistory,
  useStatsMeta,
  useStatsSeries,
  useStatsShown,
  useStatsWatch,
} from '../../stats/use-stats';
import { chartData } from './charts/chart-data';
import { useChartColors } from './charts/chart-colors';
import { chartSummary } from './charts/chart-summaries';
import { CpuChart } from './charts/cpu-chart';
import { MemoryChart } from './charts/memory-chart';
import { PidsChart } from './charts/pids-chart';
import { RateChart } from './charts/rate-chart';
import { LimitsPanel } from './limits/limits-panel';
import { StatsToolbar } from './stats-toolbar';
import '../../styles/charts.css';
import '../../styles/limits-panel.css';

/** States without processes, so without live stats (a paused container still has its memory). */
const stoppedStates = new Set<ContainerSummary['state']>(['created', 'exited', 'dead']);

export function StatsTab({ container, gone }: { container: ContainerSummary; gone: boolean }) {
  const { id, name } = container;
  const { series } = useStatsStore();
  const [rangeSeconds, setRangeSeconds] = useState(60);
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  useStatsWatch({ ids: gone ? [] : [id] });
  useStatsHistory(gone ? null : id);
  // Its last known stats stay on screen after a removal, until this tab closes.
  useStatsShown(id);
  // The newest row, also the one the core sends after a limits update: labels move with the limit lines.
  const latest = useLatestStats(id);
  const span = useStatsSeries(id, rangeSeconds, frozenAt);
  const meta = useStatsMeta();
  const colors = useChartColors();
  const data = useMemo(() => (span ? chartData(span) : null), [span]);

  const status =
    frozenAt !== null
      ? `Paused at ${new Date(frozenAt).toLocaleTimeString()}; still collecting`
      : gone
        ? 'No live data: the container was removed'
        : stoppedStates.has(container.state)
          ? `No live data: the container is ${container.state}`
          : meta
            ? `Live · every ${Math.round(meta.intervalMs / 100) / 10} s`
            : 'Live';
  return (
    <div className="stats-layout">
      <div className="stats-layout-toolbar">
        <StatsToolbar
          rangeSeconds={rangeSeconds}
          onRangeChange={setRangeSeconds}
          paused={frozenAt !== null}
          onPausedChange={(paused) => setFrozenAt(paused ? series.lastTick() || Date.now() : null)}
          status={status}
        />
      </div>
      {!data ? (
        <p className="panel muted stats-layout-main">{noDataText(container, gone)}</p>
      ) : (
        <>
          <div className="chart-grid stats-layout-main">
            <CpuChart name={name} data={data} latest={latest} colors={colors} />
            <MemoryChart name={name} data={data} latest={latest} colors={colors} />
          </div>
          <div className="chart-grid stats-layout-more">
            <RateChart
              title="Network"
              label={`Network traffic of ${name}`}
              series={[
                { key: 'netRxBytesPerSec', label: 'received', color: colors.rx },
                { key: 'netTxBytesPerSec', label: 'sent', color: colors.tx },
              ]}
              data={data}
              summary={chartSummary('network', latest)}
              colors={colors}
            />
            <RateChart
              title="Disk"
              label={`Disk reads and writes of ${name}`}
              series={[
                { key: 'blkReadBytesPerSec', label: 'read', color: colors.read },
                { key: 'blkWriteBytesPerSec', label: 'written', color: colors.write },
              ]}
              data={data}
              summary={chartSummary('disk', latest)}
              colors={colors}
            />
            <PidsChart name={name} data={data} latest={latest} colors={colors} />
          </div>
        </>
      )}
      {!gone && (
        <div className="stats-layout-limits">
          <LimitsPanel container={container} />
        </div>
      )}
    </div>
  );
}

function noDataText(container: ContainerSummary, gone: boolean): string {
  if (gone) return 'No stats were recorded for this container.';
  if (isStopped(container)) return `${container.name} is not running: start it to see its live stats.`;
  return 'Waiting for the first sample…';
}
