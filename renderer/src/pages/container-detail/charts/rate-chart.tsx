// Two rates over time (network received/sent, disk read/written) as lines, in binary units per second.
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { binaryTicks } from '../../../format/axis-ticks';
import { formatBytes } from '../../../format/bytes';
import { formatRate } from '../../../format/stats-format';
import { selectionArea, useChartZoom } from './chart-zoom';
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

export function RateChart({ title, label, series, data, summary, colors }: RateChartProps) {
  const zoom = useChartZoom();
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
    <ChartPanel
      title={title}
      label={label}
      legend={series.map((s) => ({ label: s.label, color: s.color, kind: 'line' as const }))}
      summary={summary}
    >
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
    </ChartPanel>
  );
}
