// A past moment shown as "5 minutes ago", with the full date as its title and machine-readable datetime.
// The shared clock ticks every few seconds, so a moment just after its last tick counts as "just now".
import { formatFullDate, formatRelativeTime } from '../format/relative-time';
import { relativeTimeTickMs, useNow } from '../lib/use-now';

export function RelativeTime({ epochMs, nowMs }: { epochMs: number; nowMs: number }) {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={formatFullDate(epochMs)}>
      {formatRelativeTime(Math.min(epochMs, nowMs), nowMs)}
    </time>
  );
}

/**
 * The same, reading the shared clock itself: in a table, only these cells re-render as time passes, not the
 * table's columns and every row with them.
 */
export function LiveRelativeTime({ epochMs }: { epochMs: number }) {
  return <RelativeTime epochMs={epochMs} nowMs={useNow(relativeTimeTickMs)} />;
}
