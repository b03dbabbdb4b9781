// A short live line at the top of the Limits panel saying whether the limits are biting now (throttled,
// memory near its limit, OOM kills), so the effect of a change is read in words as well as on the charts.
// Not a live region: it changes every second, which a screen reader would read out every second.
import type { LatestStats } from '../../../stats/series-store';
import { limitPressure } from '../../../limits/limit-pressure';

export function LimitPressureView({ latest }: { latest: LatestStats | null }) {
  if (!latest || latest.ended) return null;
  const lines = limitPressure(latest.values);
  return (
    <ul className="limit-pressure" aria-label="Effect of the limits now">
      {lines.map((line) => (
        <li key={line.text} className={`limit-pressure-line tone-${line.tone}`}>
          <span className="limit-pressure-dot" aria-hidden="true" />
          {line.text}
        </li>
      ))}
    </ul>
  );
}
