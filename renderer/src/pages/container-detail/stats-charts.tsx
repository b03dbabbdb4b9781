// The Stats tab's five charts on one window of data: CPU and memory first (beside the Limits panel), then
// network, disk and processes.
import type { LatestStats } from '../../stats/series-store';
import type { ChartColors } from './charts/chart-colors';
import type { ChartData } from './charts/chart-data';
import { chartSummary } from './charts/chart-summaries';
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

export function StatsCharts({ name, data, latest, colors }: StatsChartsProps) {
  return (
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
  );
}
