// Search in the lines held: every occurrence of the query (case-insensitive, in the plain text), the current
// one chosen by next/previous, and the pieces of a line's coloured segments to mark.

export interface SearchMatch {
  seq: number;
  /** Where in the line's plain text. */
  start: number;
  end: number;
}

/** Every occurrence, in line order; a line can hold several. Bounded, so a one-letter query stays cheap. */
export function findMatches(
  lines: readonly { seq: number; plain: string }[],
  query: string,
  limit = 100_000,
): SearchMatch[] {
  const matches: SearchMatch[] = [];
  if (query === '') return matches;
  const needle = query.toLowerCase();
  for (const line of lines) {
    const hay = line.plain.toLowerCase();
    let at = hay.indexOf(needle);
    while (at !== -1) {
      matches.push({ seq: line.seq, start: at, end: at + needle.length });
      if (matches.length >= limit) return matches;
      at = hay.indexOf(needle, at + needle.length);
    }
  }
  return matches;
}

/** The index after moving by `step` (+1 next, -1 previous), wrapping around; -1 when there is none. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

export interface Piece<S> {
  text: string;
  style: S;
  /** 0: no match, 1: a match, 2: the current match. */
  mark: 0 | 1 | 2;
}

/** Cuts styled segments (whose texts make up the plain line) at the matches' edges, so marks keep colours. */
export function markPieces<S>(
  segments: readonly { text: string; style: S }[],
  ranges: readonly { start: number; end: number; current: boolean }[],
): Piece<S>[] {
  if (ranges.length === 0) return segments.map((segment) => ({ ...segment, mark: 0 }));
  const pieces: Piece<S>[] = [];
  let offset = 0;
  for (const segment of segments) {
    const segmentEnd = offset + segment.text.length;
    let at = offset;
    for (const range of ranges) {
      if (range.end <= at || range.start >= segmentEnd) continue;
      if (range.start > at)
        pieces.push({ text: segment.text.slice(at - offset, range.start - offset), style: segment.style, mark: 0 });
      const stop = Math.min(range.end, segmentEnd);
      const from = Math.max(range.start, at);
      pieces.push({
        text: segment.text.slice(from - offset, stop - offset),
        style: segment.style,
        mark: range.current ? 2 : 1,
      });
      at = stop;
    }
    if (at < segmentEnd) pieces.push({ text: segment.text.slice(at - offset), style: segment.style, mark: 0 });
    offset = segmentEnd;
  }
  return pieces.filter((piece) => piece.text !== '');
}
