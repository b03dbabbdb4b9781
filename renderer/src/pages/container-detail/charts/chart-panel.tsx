// The frame around one chart: a heading, a legend, the chart itself as one image with an accessible name
// (role="img": its SVG parts are not read one by one), and a one-line text summary of the current values
// and limits that screen readers and tests read instead of the picture.
import { useId, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useChartZoom } from './chart-zoom';
import '../../../styles/charts.css';

export interface LegendItem {
  label: string;
  color: string;
  /** How the series is drawn: a filled area, a line, a dashed limit, a shaded band, a marker; `note`: not drawn. */
  kind: 'area' | 'line' | 'dashed' | 'dotted' | 'band' | 'marker' | 'note';
}

export interface ChartPanelProps {
  title: string;
  /** The chart's accessible name, e.g. "CPU usage of web-1, with its limit". */
  label: string;
  legend: readonly LegendItem[];
  summary: ReactNode;
  height?: number;
  /** A recharts chart; sized by ResponsiveContainer to the panel's width. */
  children: ReactNode;
  /** Extra content under the main chart (the CPU panel's throttling strip). */
  footer?: ReactNode;
}

export function ChartPanel({ title, label, legend, summary, height = 180, children, footer }: ChartPanelProps) {
  const id = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={id}>
      <header className="chart-header">
        <h2 id={id}>{title}</h2>
        <ChartLegend items={legend} />
      </header>
      <ChartImage label={label} height={height}>
        {children}
      </ChartImage>
      {footer}
      <p className="chart-summary numeric">{summary}</p>
    </section>
  );
}

/** One chart as an image: sized to its container, starting at a plausible size so the first paint is not empty. */
export function ChartImage({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const zoom = useChartZoom();
  // Focusable on the Stats tab so ← and → pan its window; elsewhere a plain image.
  return (
    <div
      role="img"
      aria-label={label}
      className="chart-image"
      tabIndex={zoom ? 0 : undefined}
      aria-keyshortcuts={zoom ? 'ArrowLeft ArrowRight' : undefined}
      onKeyDown={zoom?.onKeyDown}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The legend is decorative for screen readers: the summary says the same in words. */
function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li
          key={item.label}
          className={item.kind === 'note' ? 'chart-legend-item chart-legend-note' : 'chart-legend-item'}
        >
          {item.kind !== 'note' && <Swatch color={item.color} kind={item.kind} />}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function Swatch({ color, kind }: Pick<LegendItem, 'color' | 'kind'>) {
  const dash = kind === 'dashed' ? '4 3' : kind === 'dotted' ? '1.5 2.5' : undefined;
  return (
    <svg width={18} height={10} viewBox="0 0 18 10" className="chart-swatch" focusable="false">
      {kind === 'area' && <rect x={0} y={3} width={18} height={7} fill={color} fillOpacity={0.2} />}
      {kind === 'band' && <rect x={0} y={0} width={18} height={10} fill={color} fillOpacity={0.25} />}
      {kind === 'marker' ? (
        <line x1={9} x2={9} y1={0} y2={10} stroke={color} strokeWidth={1.5} strokeDasharray="2 2" />
      ) : (
        kind !== 'band' && (
          <line
            x1={0}
            x2={18}
            y1={kind === 'area' ? 3 : 5}
            y2={kind === 'area' ? 3 : 5}
            stroke={color}
            strokeWidth={2}
            strokeDasharray={dash}
          />
        )
      )}
    </svg>
  );
}
