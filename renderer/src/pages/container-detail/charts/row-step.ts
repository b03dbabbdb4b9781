// Owns telling how far apart the live ring's newest rows are: 1 s at the table's cadence, 0.25 s while the
// container is focused (its charts on screen), so the coverage line says the step the charts actually draw.

/** Gaps longer than this are breaks (stopped, unwatched), not the sampling step. */
const breakMs = 10_000;
/** How many of the newest gaps decide: the cadence can change (focus) within the window. */
const newestGaps = 16;

/** The median gap between the newest rows, to 50 ms; `fallback` when fewer than two rows are close enough. */
export function rowStepMs(rows: ReadonlyArray<{ t: number }>, fallback = 1000): number {
  const gaps: number[] = [];
  for (let i = rows.length - 1; i > 0 && gaps.length < newestGaps; i -= 1) {
    const gap = rows[i]!.t - rows[i - 1]!.t;
    if (gap > 0 && gap <= breakMs) gaps.push(gap);
  }
  if (gaps.length === 0) return fallback;
  gaps.sort((a, b) => a - b);
  return Math.max(50, Math.round(gaps[Math.floor(gaps.length / 2)]! / 50) * 50);
}
