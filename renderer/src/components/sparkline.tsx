// A tiny inline SVG line of recent values for table cells: one polyline per unbroken stretch (nulls break
// it), no axes, no animation, no chart library, so a hundred rows stay cheap. Decorative: the cell's text
// carries the value.

export interface SparklineProps {
  t: readonly number[];
  values: readonly (number | null)[];
  /** The x span, epoch ms: a line that starts late starts part-way across. */
  from: number;
  to: number;
  /** The value drawn at the top; the line is clipped above it. */
  max: number;
  width?: number;
  height?: number;
}

export function Sparkline({ t, values, from, to, max, width = 56, height = 18 }: SparklineProps) {
  return (
    <SparklineLines lines={sparklinePoints(t, values, from, to, max, width, height)} width={width} height={height} />
  );
}

/** The drawing alone, from `sparklinePoints`' lines: for a cell that computes them to tell when they changed. */
export function SparklineLines({ lines, width, height }: { lines: readonly string[]; width: number; height: number }) {
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <line className="sparkline-base" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      {lines.map((points, i) => (
        <polyline key={i} className="sparkline-line" points={points} />
      ))}
    </svg>
  );
}

/**
 * The `points` attribute of each unbroken stretch; a lone point becomes a short tick so it still shows, and a
 * level stretch is drawn from its ends only.
 */
export function sparklinePoints(
  t: readonly number[],
  values: readonly (number | null)[],
  from: number,
  to: number,
  max: number,
  width: number,
  height: number,
): string[] {
  const span = Math.max(1, to - from);
  const top = max > 0 ? max : 1;
  const lines: string[] = [];
  let current: Array<[number, number]> = [];
  const close = () => {
    if (current.length === 1) current.push([Math.min(width, current[0][0] + 1.5), current[0][1]]);
    if (current.length > 0) lines.push(current.map(([x, y]) => `${round(x)},${round(y)}`).join(' '));
    current = [];
  };
  for (let i = 0; i < t.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) {
      close();
      continue;
    }
    const x = Math.min(width, Math.max(0, ((t[i] - from) / span) * width));
    // A 1 px stroke at y = height would be half cut off: keep the line inside.
    const y = round(1 + (1 - Math.min(1, Math.max(0, value / top))) * (height - 2));
    // The middle of a level stretch adds nothing to the line: dropping it keeps an idle container's line the
    // same string tick after tick as the window scrolls, so its cell need not re-render.
    const n = current.length;
    if (n >= 2 && current[n - 1]![1] === y && current[n - 2]![1] === y) current[n - 1] = [x, y];
    else current.push([x, y]);
  }
  close();
  return lines;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
