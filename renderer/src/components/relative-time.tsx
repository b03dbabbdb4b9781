// A moment shown as "5 minutes ago", with the full date as its title and machine-readable datetime.
import { formatFullDate, formatRelativeTime } from '../format/relative-time';

export function RelativeTime({ epochMs, nowMs }: { epochMs: number; nowMs: number }) {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={formatFullDate(epochMs)}>
      {formatRelativeTime(epochMs, nowMs)}
    </time>
  );
}
