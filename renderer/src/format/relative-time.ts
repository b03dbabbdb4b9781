// Times relative to now ("3 minutes ago", "in 5 seconds") and full dates for tooltips.

const steps: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

function formatter(locale: string): Intl.RelativeTimeFormat {
  let found = formatters.get(locale);
  if (!found) {
    found = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    formatters.set(locale, found);
  }
  return found;
}

/**
 * `thenMs` relative to `nowMs`, both epoch milliseconds: `just now` within 10 s, else the largest whole unit
 * ("5 minutes ago", "yesterday", "in 2 hours"). The UI is English, so the locale defaults to `en`.
 */
export function formatRelativeTime(thenMs: number, nowMs: number, locale = 'en'): string {
  if (!Number.isFinite(thenMs) || !Number.isFinite(nowMs)) return '—';
  let delta = (thenMs - nowMs) / 1000;
  if (Math.abs(delta) < 10) return 'just now';
  for (const [unit, size] of steps) {
    if (Math.abs(delta) < size) return formatter(locale).format(Math.trunc(delta), unit);
    delta /= size;
  }
  return '—';
}

/** A short countdown or age: `4 s`, `2 min`, `3 h`, `5 d`. Rounds up below a minute so 0.2 s reads `1 s`. */
export function formatShortDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, ms / 1000);
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

/** The full local date and time, for a `title` beside a relative time. */
export function formatFullDate(ms: number, locale?: string): string {
  if (!Number.isFinite(ms)) return '';
  return new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}
