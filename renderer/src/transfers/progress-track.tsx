// The bar inside a transfer's or a layer's ProgressBar: SVG attributes only (the CSP allows no inline style
// attributes). Without a fraction it shows a calm moving stripe (still when reduced motion is asked for).
export function ProgressTrack({
  fraction,
  tone = 'running',
  thin = false,
}: {
  fraction: number | null;
  tone?: string;
  thin?: boolean;
}) {
  const height = thin ? 3 : 6;
  const clamped = fraction === null ? null : Math.min(1, Math.max(0, fraction));
  return (
    <svg
      className={`progress-track progress-${tone}`}
      width="100%"
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <rect className="progress-rail" x={0} y={0} width="100%" height={height} rx={height / 2} />
      {clamped === null ? (
        <rect className="progress-indeterminate" x={0} y={0} width="30%" height={height} rx={height / 2} />
      ) : (
        clamped > 0 && (
          <rect
            className="progress-fill"
            x={0}
            y={0}
            width={`${(clamped * 100).toFixed(1)}%`}
            height={height}
            rx={height / 2}
          />
        )
      )}
    </svg>
  );
}
