// A thin bar for table cells and cards. `limit`: how much of a limit is used, turning amber then red near
// it; `relative`: a share of the largest in a list, in the series' colour, no warning tones. SVG attributes
// only (the CSP allows no inline style attributes). Decorative: the text beside it says the numbers.

export interface UsageBarProps {
  fraction: number;
  variant?: 'limit' | 'relative';
  /** The series colour: CPU or memory. */
  series?: 'cpu' | 'mem';
  className?: string;
}

export function UsageBar({ fraction, variant = 'limit', series = 'mem', className = '' }: UsageBarProps) {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const tone = variant === 'relative' ? '' : clamped >= 0.9 ? 'usage-bar-high' : clamped >= 0.7 ? 'usage-bar-mid' : '';
  return (
    <svg
      className={`usage-bar usage-bar-${series} ${tone} ${className}`.trim()}
      width="100%"
      height={4}
      aria-hidden="true"
      focusable="false"
    >
      <rect className="usage-bar-track" x={0} y={0} width="100%" height={4} rx={2} />
      {clamped > 0 && (
        <rect className="usage-bar-fill" x={0} y={0} width={`${(clamped * 100).toFixed(1)}%`} height={4} rx={2} />
      )}
    </svg>
  );
}
