// Tick values for chart axes that read well: round steps (1, 2, 2.5, 5 × 10ⁿ) in the unit shown, so a
// memory axis says 0, 200, 400 MiB rather than 190.7 MiB, and time ticks counted back from now.

const niceSteps = [1, 2, 2.5, 5, 10];

/** A round step near `span / count`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = niceSteps.find((candidate) => candidate * magnitude >= raw) ?? 10;
  return step * magnitude;
}

/** Ticks from 0 to at least `max` in round steps; `[0, 1]` when there is nothing to show yet. */
export function linearTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, count);
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Byte ticks, round in the binary unit the top falls in (KiB, MiB, GiB, …). */
export function binaryTicks(maxBytes: number, count = 4): number[] {
  if (!(maxBytes > 0)) return [0, 1024];
  let unit = 1;
  while (maxBytes / unit >= 1024 && unit < 1024 ** 5) unit *= 1024;
  return linearTicks(maxBytes / unit, count).map((tick) => tick * unit);
}

/** Time ticks counted back from `to`: quarters of a minute, fifths of longer ranges (whole minutes). */
export function timeTicks(from: number, to: number): number[] {
  const parts = to - from <= 60_000 ? 4 : 5;
  const step = (to - from) / parts;
  return Array.from({ length: parts + 1 }, (_, i) => to - (parts - i) * step);
}

/** `now`, `−15 s`, `−4 min`, `−1:30`: a tick's distance from the window's end. */
export function formatTimeAgo(t: number, to: number): string {
  const seconds = Math.round((to - t) / 1000);
  if (seconds <= 0) return 'now';
  if (seconds < 60) return `−${seconds} s`;
  if (seconds % 60 === 0) return `−${seconds / 60} min`;
  return `−${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
