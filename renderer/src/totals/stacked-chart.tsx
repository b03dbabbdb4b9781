// One stacked area chart of several containers over time (CPU or memory of a project or of the engine):
// each container a band in its own colour, stacked so the top edge is their sum, with round clock ticks.
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartImage } from '../pages/container-detail/charts/chart-panel';
import type { ChartColors } from '../pages/container-detail/charts/chart-colors';
import { clockFormat, clockTicks, formatInstant, type TimeWindow } from '../stats/history/time-window';
import { stackedChartRows, type StackedSeries } from '../stats/history/stack-totals';

const margin = { top: 10, right: 12, bottom: 0, left: 0 };

/** The theme's chart colours in an order where neighbours differ, repeated for more containers. */
export function stackPalette(colors: ChartColors): string[] {
  return [colors.cpu, colors.mem, colors.rx, colors.tx, colors.read, colors.write, colors.pids, colors.swap];
}

export interface StackedChartProps {
  label: string;
  series: StackedSeries;
  names: readonly string[];
  window: TimeWindow;
  ticks: readonly number[];
  format: (value: number) => string;
  colors: ChartColors;
}

export function StackedChart({ label, series, names, window, ticks, format, colors }: StackedChartProps) {
  const palette = stackPalette(colors);
  const rows = stackedChartRows(series);
  const timeFormat = clockFormat(window.to - window.from);
  return (
    <ChartImage label={label} height={170}>
      <AreaChart data={rows} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis
          dataKey="t"
          type="number"
          scale="linear"
          domain={[window.from, window.to]}
          ticks={clockTicks(window.from, window.to)}
          tickFormatter={timeFormat}
          allowDataOverflow
          stroke={colors.grid}
          tick={{ fill: colors.axis, fontSize: 11 }}
          tickLine={false}
          height={22}
        />
        <YAxis
          domain={[0, ticks[ticks.length - 1]]}
          ticks={[...ticks]}
          tickFormatter={format}
          allowDataOverflow
          axisLine={false}
          tickLine={false}
          tick={{ fill: colors.axis, fontSize: 11 }}
          width={64}
          interval={0}
        />
        {series.ids.map((id, position) => (
          <Area
            key={id}
            dataKey={`s${position}`}
            name={names[position] ?? id.slice(0, 12)}
            stackId="total"
            type="linear"
            isAnimationActive={false}
            connectNulls={false}
            dot={false}
            activeDot={false}
            stroke={palette[position % palette.length]}
            fill={palette[position % palette.length]}
            fillOpacity={0.35}
            strokeWidth={1}
          />
        ))}
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => formatInstant(Number(t))}
          formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
          contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', fontSize: 12 }}
        />
      </AreaChart>
    </ChartImage>
  );
}
