// Two rates over time (network received/sent, disk read/written) as lines, in binary units per second. The
// panel follows every tick (its summary line); the plot is memoised on its data, so it redraws only when it
// changes (`series` must then be the same array from one render to the next).
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { binaryTicks } from '../../../format/axis-ticks';
import { formatBytes } from '../../../format/bytes';
import { formatRate } from '../../../format/stats-format';
import { useOnePerTask } from '../../../lib/one-per-task';
import { selectionArea, useChartZoom, type ChartZoom } from './chart-zoom';
import { ChartPanel } from './chart-panel';
import type { ChartColors } from './chart-colors';
import { maxOf, type ChartData, type ChartKey } from './chart-data';
import { chartTooltip, liveSeriesProps, markerLines, timeAxisProps, valueAxisProps } from './chart-parts';

const margin = { top: 10, right: 12, bottom: 0, left: 0 };

export interface RateSeries {
  key: ChartKey;
  label: string;
  color: string;
}

export interface RateChartProps {
  title: string;
  /** The chart's accessible name. */
  label: string;
  series: readonly [RateSeries, RateSeries];
  data: ChartData;
  summary: string;
  colors: ChartColors;
}

export function RateChart({ title, label, series, data: newest, summary, colors }: RateChartProps) {
  // The plot redraws in a task of its own (lib/one-per-task.ts); the summary line follows at once.
  const data = useOnePerTask(newest);
  const zoom = useChartZoom();
  return (
    <ChartPanel
      title={title}
      label={label}
      legend={series.map((s) => ({ label: s.label, color: s.color, kind: 'line' as const }))}
      summary={summary}
    >
      <RatePlot series={series} data={data} colors={colors} zoom={zoom} />
    </ChartPanel>
  );
}

const RatePlot = memo(function RatePlot({
  series,
  data,
  colors,
  zoom,
}: Pick<RateChartProps, 'series' | 'data' | 'colors'> & { zoom: ChartZoom | null }) {
  const ticks = binaryTicks(
    Math.max(
      1024,
      maxOf(
        data,
        series.map((s) => s.key),
      ) * 1.05,
    ),
  );
  const perSecond = (value: number) => (value === 0 ? '0' : `${formatBytes(value)}/s`);
  return (
    <LineChart data={data.rows} margin={margin} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis {...timeAxisProps(data, colors)} />
      <YAxis {...valueAxisProps(ticks, perSecond, colors, 76)} />
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          type="linear"
          stroke={s.color}
          strokeWidth={1.5}
          {...liveSeriesProps}
        />
      ))}
      {markerLines(data, colors)}
      {selectionArea(zoom, colors.axis)}
      {chartTooltip((row) => series.map((s) => ({ label: s.label, value: formatRate(row[s.key]) })))}
    </LineChart>
  );
});
