// Totals of several containers over a chosen range, from the recorded store: stacked CPU (in % of one core)
// and memory of each container, so the top edge is their sum (a compose project's panel, the Dashboard's
// engine totals), the mean and peak of the sum in words, the figures as a table, and CSV/JSON export.
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Button, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { binaryTicks, linearTicks } from '../format/axis-ticks';
import { formatBytes } from '../format/bytes';
import { formatPercent } from '../format/stats-format';
import { useChartColors } from '../pages/container-detail/charts/chart-colors';
import { useStatsExport } from '../pages/container-detail/stats-export';
import { stackRanges, totalSummary, type StackedSeries } from '../stats/history/stack-totals';
import { thinRange } from '../stats/history/thin-rows';
import { clockFormat } from '../stats/history/time-window';
import { useHistoryRange } from '../stats/history/use-history-range';
import { importWithRetry } from '../lib/import-with-retry';
import { TotalsTable } from './totals-table';
import '../styles/charts.css';
import '../styles/totals.css';

// The chart (recharts, the largest library here) loads after the first screen rather than with it: the
// Dashboard shows this panel, and the main bundle is parsed before anything shows.
const StackedChart = lazy(async () => ({
  default: (await importWithRetry(() => import('./stacked-chart'))).StackedChart,
}));

export const totalsRanges = [
  { seconds: 900, label: '15 min' },
  { seconds: 3600, label: '1 h' },
  { seconds: 6 * 3600, label: '6 h' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 7 * 86_400, label: '7 days' },
] as const;

export interface TotalsPanelProps {
  /** "Project web", "All containers": the panel's heading. */
  title: string;
  ids: readonly string[];
  /** Names by id, for legends and the table. */
  names: ReadonlyMap<string, string>;
  /** The export file's stem. */
  exportName: string;
}

const percent = (value: number) => formatPercent(value);

export function TotalsPanel({ title, ids, names, exportName }: TotalsPanelProps) {
  const headingId = useId();
  const [seconds, setSeconds] = useState(3600);
  const colors = useChartColors();
  const history = useHistoryRange(ids, seconds, null);
  const exporter = useStatsExport(ids, exportName);
  // Thinned like the Stats tab's: 7 days of several containers would be tens of thousands of rows.
  const ranges = useMemo(() => (history.ranges ?? []).map((range) => thinRange(range)), [history.ranges]);
  const cpu = stackRanges(ranges, 'cpuPercent');
  const memory = stackRanges(ranges, 'memBytes');
  const shownNames = cpu.ids.map((id) => names.get(id) ?? id.slice(0, 12));
  const window = history.window;
  return (
    <section className="panel totals-panel" aria-labelledby={headingId}>
      <header className="totals-header">
        <h2 id={headingId}>{title}</h2>
        <ToggleButtonGroup
          aria-label={`Range of ${title}`}
          className="segmented"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[String(seconds)]}
          onSelectionChange={(keys: Set<Key>) => {
            const [key] = keys;
            if (key !== undefined) setSeconds(Number(key));
          }}
        >
          {totalsRanges.map((range) => (
            <ToggleButton key={range.seconds} id={String(range.seconds)} className="segmented-button">
              {range.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <span className="stats-export" role="group" aria-label={`Export ${title}`}>
          {(['csv', 'json'] as const).map((format) => (
            <Button
              key={format}
              className="button button-secondary"
              isDisabled={!window || exporter.pending}
              onPress={() => window && exporter.run(format, window)}
            >
              Export {format.toUpperCase()}
            </Button>
          ))}
        </span>
      </header>
      {history.error && (
        <p className="stats-error" role="alert">
          Could not read the recorded history: {history.error.message}
        </p>
      )}
      {exporter.error && (
        <p className="stats-error" role="alert">
          Could not export: {exporter.error}
        </p>
      )}
      {!window ? (
        <p className="muted">Reading the recorded history…</p>
      ) : cpu.rows.length === 0 ? (
        <p className="muted">Nothing was recorded for these containers in this range.</p>
      ) : (
        <div className="totals-charts">
          <TotalsBlock
            title="CPU"
            unit="% of one core"
            series={cpu}
            names={shownNames}
            ticks={linearTicks(Math.max(10, peak(cpu) * 1.2))}
            format={percent}
            window={window}
            colors={colors}
            what={title}
          />
          <TotalsBlock
            title="Memory"
            series={memory}
            names={shownNames}
            ticks={binaryTicks(Math.max(1024 * 1024, peak(memory) * 1.2))}
            format={formatBytes}
            window={window}
            colors={colors}
            what={title}
          />
        </div>
      )}
    </section>
  );
}

function peak(series: StackedSeries): number {
  return totalSummary(series)?.peak ?? 0;
}

interface TotalsBlockProps {
  title: string;
  unit?: string;
  series: StackedSeries;
  names: readonly string[];
  ticks: readonly number[];
  format: (value: number) => string;
  window: { from: number; to: number };
  colors: ReturnType<typeof useChartColors>;
  what: string;
}

function TotalsBlock({ title, unit, series, names, ticks, format, window, colors, what }: TotalsBlockProps) {
  const summary = totalSummary(series);
  const palette = [colors.cpu, colors.mem, colors.rx, colors.tx, colors.read, colors.write, colors.pids, colors.swap];
  return (
    <div className="totals-block">
      <h3 className="totals-title">
        {title}
        {unit && <span className="muted"> ({unit})</span>}
      </h3>
      <ul className="chart-legend" aria-hidden="true">
        {names.map((name, position) => (
          <li key={series.ids[position]} className="chart-legend-item">
            <span className="totals-swatch" style={{ background: palette[position % palette.length] }} />
            {name}
          </li>
        ))}
      </ul>
      {/* Its height kept while it loads, so nothing under it moves when it appears. */}
      <Suspense fallback={<div className="chart-image" style={{ height: 170 }} />}>
        <StackedChart
          label={`${title} of ${what}, stacked by container`}
          series={series}
          names={names}
          window={window}
          ticks={ticks}
          format={format}
          colors={colors}
        />
      </Suspense>
      <p className="chart-summary numeric">
        {summary
          ? `Total ${title === 'CPU' ? title : title.toLowerCase()}: mean ${format(summary.mean)} · peak ${format(summary.peak)} · ${series.ids.length} containers`
          : 'No samples'}
      </p>
      <TotalsTable
        caption={`${title} of ${what}`}
        series={series}
        names={names}
        format={format}
        timeFormat={clockFormat(60_000)}
      />
    </div>
  );
}
