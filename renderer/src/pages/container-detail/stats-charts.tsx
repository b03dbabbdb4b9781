// The Stats tab's five charts on one window of data: CPU and memory first (beside the Limits panel), then
// network, disk and processes. The window is thinned here to about one row per pixel of a chart's width
// (measured on the first grid's column), once for all five charts. A thinned live window is redrawn once per
// thinned step (a pixel), not on every tick: a tick within the step would move nothing visible.
import { useMemo, useState } from 'react';
import { useElementWidth } from '../../lib/use-element-width';
import type { LatestStats } from '../../stats/series-store';
import type { ChartColors } from './charts/chart-colors';
import type { ChartData } from './charts/chart-data';
import { chartSummary } from './charts/chart-summaries';
import { thinChartData } from './charts/chart-thin';
import { CpuChart } from './charts/cpu-chart';
import { MemoryChart } from './charts/memory-chart';
import { PidsChart } from './charts/pids-chart';
import { RateChart } from './charts/rate-chart';

export interface StatsChartsProps {
  name: string;
  data: ChartData;
  latest: LatestStats | null;
  colors: ChartColors;
}

/** A grid's column: the width of its first chart panel. */
const columnWidth = (grid: HTMLElement) => (grid.firstElementChild ?? grid).getBoundingClientRect().width;

export function StatsCharts({ name, data: full, latest, colors }: StatsChartsProps) {
  const [gridRef, width] = useElementWidth<HTMLDivElement>(50, columnWidth);
  const data = useSteppedData(useMemo(() => thinChartData(full, width ?? undefined), [full, width]));
  // The same arrays from tick to tick, so the memoised plots do not redraw for a new array of the same series.
  const network = useMemo(
    () =>
      [
        { key: 'netRxBytesPerSec', label: 'received', color: colors.rx },
        { key: 'netTxBytesPerSec', label: 'sent', color: colors.tx },
      ] as const,
    [colors],
  );
  const disk = useMemo(
    () =>
      [
        { key: 'blkReadBytesPerSec', label: 'read', color: colors.read },
        { key: 'blkWriteBytesPerSec', label: 'written', color: colors.write },
      ] as const,
    [colors],
  );
  return (
    <>
      <div className="chart-grid stats-layout-main" ref={gridRef}>
        <CpuChart name={name} data={data} latest={latest} colors={colors} />
        <MemoryChart name={name} data={data} latest={latest} colors={colors} />
      </div>
      <div className="chart-grid stats-layout-more">
        <RateChart
          title="Network"
          label={`Network traffic of ${name}`}
          series={network}
          data={data}
          summary={chartSummary('network', latest)}
          colors={colors}
        />
        <RateChart
          title="Disk"
          label={`Disk reads and writes of ${name}`}
          series={disk}
          data={data}
          summary={chartSummary('disk', latest)}
          colors={colors}
        />
        <PidsChart name={name} data={data} latest={latest} colors={colors} />
      </div>
    </>
  );
}

/**
 * The thinned window as the charts draw it: kept while ticks stay within its last step (same span, same
 * thinned step, same bucket of the window's end), replaced by any other change (a range, a zoom, the width,
 * a new bucket, a removal).
 */
function useSteppedData(data: ChartData): ChartData {
  const [shown, setShown] = useState(data);
  // Adjusted while rendering (React's pattern for state that follows props): no extra commit in between.
  if (data !== shown && !sameStep(shown, data)) setShown(data);
  return sameStep(shown, data) ? shown : data;
}

function sameStep(previous: ChartData, data: ChartData): boolean {
  const step = data.stepMs ?? 1000;
  return (
    step > 1000 &&
    data.axis === 'ago' &&
    previous.axis === 'ago' &&
    previous.stepMs === step &&
    previous.to - previous.from === data.to - data.from &&
    Math.floor(previous.to / step) === Math.floor(data.to / step) &&
    previous.endedAt.length === data.endedAt.length
  );
}
