// Memory over time in binary units, with the memory limit as a dashed line, the memory + swap limit as a
// dotted one when set, and a marker wherever the kernel killed a process for lack of memory (OOM). The panel
// follows every tick (its summary line); the plot is memoised on its data, so it redraws only when it changes.
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import { binaryTicks } from '../../../format/axis-ticks';
import { formatBytes } from '../../../format/bytes';
import type { LatestStats } from '../../../stats/series-store';
import { valueOf } from '../../../stats/series-window';
import { useOnePerTask } from '../../../lib/one-per-task';
import { selectionArea, useChartZoom, type ChartZoom } from './chart-zoom';
import { ChartPanel, type LegendItem } from './chart-panel';
import type { ChartColors } from './chart-colors';
import { bandMax, limitSegments, maxOf, type ChartData } from './chart-data';
import {
  bandArea,
  chartTooltip,
  limitLines,
  markerLines,
  timeAxisProps,
  usageAreaProps,
  valueAxisProps,
} from './chart-parts';
import { chartSummary } from './chart-summaries';

const margin = { top: 10, right: 12, bottom: 0, left: 0 };

export function MemoryChart({
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
  const limit = valueOf(latest?.values, 'memLimitBytes');
  const swap = valueOf(latest?.values, 'swapLimitBytes');
  const legend: LegendItem[] = [
    { label: 'used', color: colors.mem, kind: 'area' },
    ...(data.banded ? [{ label: 'min–max', color: colors.mem, kind: 'band' as const }] : []),
    limit === null
      ? { label: 'no memory limit', color: colors.axis, kind: 'note' }
      : { label: `limit ${formatBytes(limit)}`, color: colors.limit, kind: 'dashed' },
    ...(swap === null
      ? []
      : [{ label: `memory + swap ${formatBytes(swap)}`, color: colors.swap, kind: 'dotted' as const }]),
    ...(data.oomAt.length > 0 ? [{ label: 'OOM kill', color: colors.oom, kind: 'marker' as const }] : []),
  ];
  return (
    <ChartPanel
      title="Memory"
      label={`Memory usage of ${name}, with its limit`}
      legend={legend}
      summary={chartSummary('memory', latest)}
    >
      <MemoryPlot
        data={data}
        colors={colors}
        limitLabel={limit === null ? '' : `limit ${formatBytes(limit)}`}
        swapLabel={swap === null ? '' : `memory + swap ${formatBytes(swap)}`}
        zoom={zoom}
      />
    </ChartPanel>
  );
}

const MemoryPlot = memo(function MemoryPlot({
  data,
  colors,
  limitLabel,
  swapLabel,
  zoom,
}: {
  data: ChartData;
  colors: ChartColors;
  limitLabel: string;
  swapLabel: string;
  zoom: ChartZoom | null;
}) {
  // Headroom above the highest value or limit, so the limit's label clears the top (and the "stopped" label).
  const ticks = binaryTicks(
    Math.max(
      1024 * 1024,
      Math.max(maxOf(data, ['memBytes', 'memLimitBytes', 'swapLimitBytes']), bandMax(data, 'memBand')) * 1.3,
    ),
  );
  return (
    <ComposedChart data={data.rows} margin={margin} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis {...timeAxisProps(data, colors)} />
      <YAxis {...valueAxisProps(ticks, formatBytes, colors)} />
      {bandArea(data, 'memBand', colors.mem)}
      <Area dataKey="memBytes" name="Memory" type="linear" {...usageAreaProps(colors.mem)} />
      {limitLines(limitSegments(data, 'memLimitBytes'), colors.limit, limitLabel)}
      {limitLines(limitSegments(data, 'swapLimitBytes'), colors.swap, swapLabel, { dash: '1.5 3' })}
      {markerLines(data, colors, { oom: true })}
      {selectionArea(zoom, colors.axis)}
      {chartTooltip((row) => [
        { label: 'used', value: row.memBytes === null ? '—' : formatBytes(row.memBytes) },
        { label: 'limit', value: row.memLimitBytes === null ? 'none' : formatBytes(row.memLimitBytes) },
        ...(row.swapLimitBytes === null ? [] : [{ label: 'memory + swap', value: formatBytes(row.swapLimitBytes) }]),
      ])}
    </ComposedChart>
  );
});
