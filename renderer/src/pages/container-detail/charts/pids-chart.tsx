// The number of processes over time against the pids limit (dashed), when the container has one. The panel
// follows every tick (its summary line); the plot is memoised on its data, so it redraws only when it changes.
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { linearTicks } from '../../../format/axis-ticks';
import type { LatestStats } from '../../../stats/series-store';
import { valueOf } from '../../../stats/series-window';
import { useOnePerTask } from '../../../lib/one-per-task';
import { selectionArea, useChartZoom, type ChartZoom } from './chart-zoom';
import { ChartPanel, type LegendItem } from './chart-panel';
import type { ChartColors } from './chart-colors';
import { limitSegments, maxOf, type ChartData } from './chart-data';
import { chartTooltip, limitLines, liveSeriesProps, markerLines, timeAxisProps, valueAxisProps } from './chart-parts';
import { chartSummary } from './chart-summaries';

const margin = { top: 10, right: 12, bottom: 0, left: 0 };

export function PidsChart({
  name,
  data: newest,
  latest,
  colors,
}: {
  name: string;
  data: ChartData;
  latest: LatestStats | null;
  colors: ChartColors;
}) {
  // Each plot redraws in a task of its own (lib/one-per-task.ts); the summary line follows at once.
  const data = useOnePerTask(newest);
  const zoom = useChartZoom();
  const limit = valueOf(latest?.values, 'pidsLimit');
  const legend: LegendItem[] = [
    { label: 'processes', color: colors.pids, kind: 'line' },
    limit === null
      ? { label: 'no process limit', color: colors.axis, kind: 'note' }
      : { label: `limit ${limit}`, color: colors.limit, kind: 'dashed' },
  ];
  return (
    <ChartPanel
      title="Processes"
      label={`Processes in ${name}, with their limit`}
      legend={legend}
      summary={chartSummary('pids', latest)}
    >
      <PidsPlot data={data} colors={colors} limitLabel={limit === null ? '' : `limit ${limit}`} zoom={zoom} />
    </ChartPanel>
  );
}

const PidsPlot = memo(function PidsPlot({
  data,
  colors,
  limitLabel,
  zoom,
}: {
  data: ChartData;
  colors: ChartColors;
  limitLabel: string;
  zoom: ChartZoom | null;
}) {
  // Headroom above the highest value or limit, so the limit's label clears the top (and the "stopped" label).
  const ticks = linearTicks(Math.max(4, maxOf(data, ['pids', 'pidsLimit']) * 1.3)).map(Math.round);
  return (
    <LineChart data={data.rows} margin={margin} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis {...timeAxisProps(data, colors)} />
      <YAxis {...valueAxisProps(ticks, String, colors)} allowDecimals={false} />
      <Line
        dataKey="pids"
        name="processes"
        type="stepAfter"
        stroke={colors.pids}
        strokeWidth={1.5}
        {...liveSeriesProps}
      />
      {limitLines(limitSegments(data, 'pidsLimit'), colors.limit, limitLabel)}
      {markerLines(data, colors)}
      {selectionArea(zoom, colors.axis)}
      {chartTooltip((row) => [
        { label: 'processes', value: row.pids === null ? '—' : String(row.pids) },
        { label: 'limit', value: row.pidsLimit === null ? 'none' : String(row.pidsLimit) },
      ])}
    </LineChart>
  );
});
