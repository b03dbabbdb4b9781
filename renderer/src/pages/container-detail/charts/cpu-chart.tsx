// CPU over time in % of one core, with the CPU limit as a dashed line ("limit 0.5 cores") and, under it, a
// strip showing in how many scheduler periods the container was throttled at its limit. The panel follows
// every tick (its summary line); the plots are memoised on their data, so they redraw only when it changes.
import { memo } from 'react';
import { Area, AreaChart, CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import { linearTicks } from '../../../format/axis-ticks';
import { formatCores, formatPercent } from '../../../format/stats-format';
import type { LatestStats } from '../../../stats/series-store';
import { valueOf } from '../../../stats/series-window';
import { useOnePerTask } from '../../../lib/one-per-task';
import { selectionArea, useChartZoom, type ChartZoom } from './chart-zoom';
import { ChartImage, ChartPanel, type LegendItem } from './chart-panel';
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

// The x axis is hidden here (the throttling strip below shows it): the bottom margin keeps the 0 % label whole.
const margin = { top: 10, right: 12, bottom: 6, left: 0 };
const stripMargin = { top: 8, right: 12, bottom: 0, left: 0 };
// One decimal at most: a 2.5 % step must not read as 3 %.
const percent = (value: number) => `${Number(value.toFixed(1))} %`;

export function CpuChart({
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
  const stripData = useOnePerTask(newest);
  const zoom = useChartZoom();
  const cores = valueOf(latest?.values, 'cpuLimitCores');
  const legend: LegendItem[] = [
    { label: 'usage', color: colors.cpu, kind: 'area' },
    cores === null
      ? { label: 'no CPU limit', color: colors.axis, kind: 'note' }
      : { label: `limit ${formatCores(cores)}`, color: colors.limit, kind: 'dashed' },
    ...(data.banded ? [{ label: 'min–max', color: colors.cpu, kind: 'band' as const }] : []),
    { label: 'throttled', color: colors.throttle, kind: 'band' },
  ];
  return (
    <ChartPanel
      title="CPU"
      label={`CPU usage of ${name}, with its limit`}
      legend={legend}
      summary={chartSummary('cpu', latest)}
      footer={<ThrottleStrip name={name} data={stripData} colors={colors} zoom={zoom} />}
    >
      <CpuPlot
        data={data}
        colors={colors}
        limitLabel={cores === null ? '' : `limit ${formatCores(cores)}`}
        zoom={zoom}
      />
    </ChartPanel>
  );
}

const CpuPlot = memo(function CpuPlot({
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
  const ticks = linearTicks(
    Math.max(10, Math.max(maxOf(data, ['cpuPercent', 'cpuLimitPercent']), bandMax(data, 'cpuBand')) * 1.3),
  );
  return (
    <ComposedChart data={data.rows} margin={margin} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis {...timeAxisProps(data, colors)} hide />
      <YAxis {...valueAxisProps(ticks, percent, colors)} />
      {bandArea(data, 'cpuBand', colors.cpu)}
      <Area dataKey="cpuPercent" name="CPU" type="linear" {...usageAreaProps(colors.cpu)} />
      {limitLines(limitSegments(data, 'cpuLimitPercent'), colors.limit, limitLabel)}
      {markerLines(data, colors)}
      {selectionArea(zoom, colors.axis)}
      {chartTooltip((row) => [
        { label: 'CPU', value: formatPercent(row.cpuPercent) },
        { label: 'limit', value: row.cpuLimitCores === null ? 'none' : formatCores(row.cpuLimitCores) },
        { label: 'throttled', value: formatPercent(row.throttledPercent) },
      ])}
    </ComposedChart>
  );
});

/** Throttling in % of periods (0–100), on the same time axis as the CPU chart just above it. */
const ThrottleStrip = memo(function ThrottleStrip({
  name,
  data,
  colors,
  zoom,
}: {
  name: string;
  data: ChartData;
  colors: ChartColors;
  zoom: ChartZoom | null;
}) {
  return (
    <ChartImage label={`CPU throttling of ${name}`} height={64}>
      <AreaChart data={data.rows} margin={stripMargin} accessibilityLayer={false}>
        <XAxis {...timeAxisProps(data, colors)} />
        <YAxis {...valueAxisProps([0, 100], percent, colors)} ticks={[100]} />
        <Area
          dataKey="throttledPercent"
          name="throttled"
          type="stepAfter"
          {...usageAreaProps(colors.throttle, { strokeWidth: 1, fillOpacity: 0.25 })}
        />
        {selectionArea(zoom, colors.axis)}
      </AreaChart>
    </ChartImage>
  );
});
