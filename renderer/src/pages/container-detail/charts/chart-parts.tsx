// Pieces every stats chart shares: the time axis (a fixed window ending now, so the chart scrolls), a value
// axis with round ticks, the tooltip, limits drawn as dashed segments, and markers where the series ended
// or the kernel killed a process for lack of memory. Returned as props or element arrays, because recharts
// reads its direct children.
import type { ReactElement } from 'react';
import { Area, ReferenceLine, Tooltip, type TooltipContentProps } from 'recharts';
import { formatTimeAgo, timeTicks } from '../../../format/axis-ticks';
import { clockFormat, clockTicks, formatInstant } from '../../../stats/history/time-window';
import type { ChartColors } from './chart-colors';
import type { ChartData, ChartRow, LimitSegment } from './chart-data';

const tickStyle = (colors: ChartColors) => ({ fill: colors.axis, fontSize: 11 });

/** Every live series: no animation (a new point each second would keep it animating), gaps stay gaps, no dots. */
export const liveSeriesProps = { isAnimationActive: false, connectNulls: false, dot: false, activeDot: false } as const;

/** A usage area: the live line and a light fill in the same colour. */
export function usageAreaProps(color: string, options: { strokeWidth?: number; fillOpacity?: number } = {}) {
  return {
    ...liveSeriesProps,
    stroke: color,
    fill: color,
    strokeWidth: options.strokeWidth ?? 1.5,
    fillOpacity: options.fillOpacity ?? 0.14,
  };
}

/**
 * The faint min–max band of a downsampled tier behind its mean line (recharts draws an Area whose values are
 * [low, high] pairs as a range), so a short spike inside a one-minute bucket stays visible.
 */
export function bandArea(data: ChartData, key: 'cpuBand' | 'memBand', color: string): ReactElement[] {
  if (!data.banded) return [];
  return [
    <Area
      key={`band-${key}`}
      dataKey={key}
      name="min–max"
      type="linear"
      {...liveSeriesProps}
      stroke="none"
      fill={color}
      fillOpacity={0.12}
      tooltipType="none"
    />,
  ];
}

export function timeAxisProps(data: ChartData, colors: ChartColors) {
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'linear' as const,
    domain: [data.from, data.to],
    ticks: data.axis === 'clock' ? clockTicks(data.from, data.to) : timeTicks(data.from, data.to),
    tickFormatter: data.axis === 'clock' ? clockFormat(data.to - data.from) : (t: number) => formatTimeAgo(t, data.to),
    // The line before the window's start is drawn clipped at the edge rather than stretching the axis.
    allowDataOverflow: true,
    stroke: colors.grid,
    tick: tickStyle(colors),
    tickLine: false,
    height: 22,
  };
}

export function valueAxisProps(
  ticks: readonly number[],
  format: (value: number) => string,
  colors: ChartColors,
  width = 64,
) {
  return {
    domain: [0, ticks[ticks.length - 1]],
    ticks: [...ticks],
    tickFormatter: format,
    allowDataOverflow: true,
    axisLine: false,
    tickLine: false,
    tick: tickStyle(colors),
    width,
    interval: 0 as const,
  };
}

/** The limit as dashed segments, one per stretch with one value; the newest stretch carries the label. */
export function limitLines(
  segments: readonly LimitSegment[],
  color: string,
  label: string,
  options: { dash?: string; yAxisId?: string } = {},
): ReactElement[] {
  return segments.map((segment, i) => (
    <ReferenceLine
      key={`limit-${label}-${segment.from}`}
      className="chart-limit-line"
      yAxisId={options.yAxisId ?? 0}
      segment={[
        { x: segment.from, y: segment.value },
        { x: segment.to, y: segment.value },
      ]}
      stroke={color}
      strokeWidth={1.5}
      strokeDasharray={options.dash ?? '6 4'}
      ifOverflow="visible"
      label={
        i === segments.length - 1
          ? { value: label, position: 'insideBottomRight', fill: color, fontSize: 11, offset: 6 }
          : undefined
      }
    />
  ));
}

/** Vertical markers: "stopped" where the series ended, "OOM kill" where the kill count rose. */
export function markerLines(
  data: ChartData,
  colors: ChartColors,
  options: { oom?: boolean; yAxisId?: string } = {},
): ReactElement[] {
  const yAxisId = options.yAxisId ?? 0;
  const ended = data.endedAt.map((t) => (
    <ReferenceLine
      key={`ended-${t}`}
      className="chart-ended-marker"
      yAxisId={yAxisId}
      x={t}
      stroke={colors.ended}
      strokeDasharray="3 3"
      // Left of the line: a series usually ends at the right edge, where text to its right would be cut off.
      label={{ value: 'stopped', position: 'insideTopRight', fill: colors.ended, fontSize: 11 }}
    />
  ));
  // Labels of markers closer than a sixth of the window would overlap: only the first of such a run says it.
  let labelledAt = Number.NEGATIVE_INFINITY;
  const oom = (options.oom ? data.oomAt : []).map((t) => {
    const labelled = t - labelledAt > (data.to - data.from) / 6;
    if (labelled) labelledAt = t;
    return (
      <ReferenceLine
        key={`oom-${t}`}
        className="chart-oom-marker"
        yAxisId={yAxisId}
        x={t}
        stroke={colors.oom}
        strokeWidth={1.5}
        label={labelled ? { value: 'OOM kill', position: 'insideTopRight', fill: colors.oom, fontSize: 11 } : undefined}
      />
    );
  });
  return [...ended, ...oom];
}

export type TooltipLine = { label: string; value: string };

/** A tooltip listing what `describe` says about the hovered row (limits included, which are not series). */
export function chartTooltip(describe: (row: ChartRow) => TooltipLine[]): ReactElement {
  return (
    <Tooltip
      isAnimationActive={false}
      cursor={{ strokeOpacity: 0.4 }}
      content={(props: TooltipContentProps) => <TooltipBody {...props} describe={describe} />}
    />
  );
}

function TooltipBody({
  active,
  payload,
  describe,
}: TooltipContentProps & { describe: (row: ChartRow) => TooltipLine[] }) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-time">{formatInstant(row.t)}</div>
      {describe(row).map((line) => (
        <div key={line.label} className="chart-tooltip-line">
          <span className="muted">{line.label}</span> <span className="numeric">{line.value}</span>
        </div>
      ))}
    </div>
  );
}
