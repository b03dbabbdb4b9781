// Time windows of the Stats tab and the totals charts: the ranges offered (live from the ring, longer ones
// from the recorded store), zoom and pan math, and the clock ticks and labels each span reads best with.

export interface TimeWindow {
  from: number;
  to: number;
}

export interface RangeChoice {
  seconds: number;
  label: string;
  /** Live ranges draw from the in-memory ring that ticks fill; the others from `stats:range`. */
  live: boolean;
}

export const statsRanges: readonly RangeChoice[] = [
  { seconds: 60, label: '1 min', live: true },
  { seconds: 300, label: '5 min', live: true },
  { seconds: 900, label: '15 min', live: true },
  { seconds: 3600, label: '1 h', live: false },
  { seconds: 6 * 3600, label: '6 h', live: false },
  { seconds: 86_400, label: '1 day', live: false },
  { seconds: 7 * 86_400, label: '7 days', live: false },
];

/** The ring keeps 15 minutes: a window reaching further back is read from the store. */
export const liveSpanMs = 15 * 60_000;
/** The store keeps 7 days at most. */
export const recordedSpanMs = 7 * 86_400_000;
/** Narrower than this a zoom shows too few 1-second samples to read. */
export const minZoomMs = 10_000;

export function isLiveRange(seconds: number): boolean {
  return seconds * 1000 <= liveSpanMs;
}

/**
 * The resolution the store answers a window of this span with (1 s for 15 min, 10 s for 6 h, 1 min beyond),
 * so a range's query refetches once per new bucket rather than every second.
 */
export function expectedStepMs(spanMs: number): number {
  if (spanMs <= liveSpanMs) return 1000;
  if (spanMs <= 6 * 3_600_000) return 10_000;
  return 60_000;
}

/**
 * The window a drag from `a` to `b` selects, in either direction; widened around its middle to `minZoomMs`;
 * null for a click (no span), which must not zoom.
 */
export function zoomWindow(a: number, b: number, minSpanMs = minZoomMs): TimeWindow | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return null;
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  if (to - from >= minSpanMs) return { from, to };
  const middle = (from + to) / 2;
  return { from: middle - minSpanMs / 2, to: middle + minSpanMs / 2 };
}

/**
 * A zoom window kept in the past: a drag that ends beyond the plot's right edge (or a window that ends
 * after now) stops at `latest`, moving its start back if the span would fall under `minSpanMs`.
 */
export function clampWindow(window: TimeWindow, latest: number, minSpanMs = minZoomMs): TimeWindow {
  const to = Math.min(window.to, latest);
  return { from: Math.min(window.from, to - minSpanMs), to };
}

/**
 * The window moved by half its span, earlier (-1) or later (+1), kept inside [earliest, latest] with its span
 * unchanged: panning past now stops at now.
 */
export function panWindow(window: TimeWindow, direction: -1 | 1, earliest: number, latest: number): TimeWindow {
  const span = window.to - window.from;
  let from = window.from + (direction * span) / 2;
  from = Math.min(from, latest - span);
  from = Math.max(from, earliest);
  return { from, to: from + span };
}

/** Where a zoomed window's rows come from: the ring while it lies in its last 15 minutes, else the store. */
export function zoomSource(window: TimeWindow, now: number): 'ring' | 'store' {
  return window.from >= now - liveSpanMs ? 'ring' : 'store';
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const tickSteps = [
  ...[1, 2, 5, 10, 15, 30].map((n) => n * second),
  ...[1, 2, 5, 10, 15, 30].map((n) => n * minute),
  ...[1, 2, 3, 6, 12].map((n) => n * hour),
  day,
];

/**
 * Ticks at round local clock times (whole minutes, hours, midnights) across [from, to], at most about
 * `count` of them, so an axis says 14:00, 15:00 rather than 14:07:23.
 */
export function clockTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) return [];
  const step = tickSteps.find((candidate) => (to - from) / candidate <= count) ?? day;
  // Aligned to local time: a 6-hour step falls on 00:00, 06:00, … where the user lives.
  const offset = new Date(from).getTimezoneOffset() * minute;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + -offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS up to half an hour, HH:MM up to two days, `ddd HH:MM` beyond (local time, 24 h). */
export function clockFormat(spanMs: number): (t: number) => string {
  if (spanMs <= 30 * minute) {
    return (t) => {
      const d = new Date(t);
      return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    };
  }
  if (spanMs <= 2 * day) {
    return (t) => {
      const d = new Date(t);
      return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
  }
  return (t) => {
    const d = new Date(t);
    return `${weekdays[d.getDay()]} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Sun 6 Dec 09:05:07": one instant, as a chart's tooltip names the hovered row. Local time and 24 h like the
 * axes beside it, so a tooltip never says "9:05:07 PM" under an axis that says 21:05.
 */
export function formatInstant(t: number): string {
  const d = new Date(t);
  return `${weekdays[d.getDay()]} ${d.getDate()} ${months[d.getMonth()]} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "12 s", "5 min", "1 h", "6 h", "1 day", "7 days": a span or step in words. */
export function formatSpan(ms: number): string {
  // A focused container's step (0.25 s) is not a whole second.
  if (ms < 10 * second && ms % second !== 0) return `${Math.round(ms / 10) / 100} s`;
  if (ms < minute) return `${Math.round(ms / second)} s`;
  if (ms < hour) return `${Math.round(ms / minute)} min`;
  if (ms < day) return `${Math.round((ms / hour) * 10) / 10} h`;
  const days = Math.round((ms / day) * 10) / 10;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "09:05:07 – 09:06:30", "Sun 09:05 – Mon 10:00": a window's ends as its axis labels them. */
export function formatWindow(window: TimeWindow): string {
  const format = clockFormat(window.to - window.from);
  return `${format(window.from)} – ${format(window.to)}`;
}
