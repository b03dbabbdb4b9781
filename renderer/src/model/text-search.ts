// Find-in-text for the Inspect tab's JSON view: every case-insensitive occurrence of a query, the text cut
// into plain and matching pieces for highlighting, and moving to the next or previous match with wrap-around.

export interface TextMatch {
  start: number;
  end: number;
}

export type TextPiece = { text: string; match: number | null };

/** Occurrences do not overlap (`aa` in `aaaa` twice); at most `limit`, so a one-letter query stays cheap. */
export function findMatches(text: string, query: string, limit = 5000): TextMatch[] {
  if (query === '') return [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const matches: TextMatch[] = [];
  for (let at = haystack.indexOf(needle); at >= 0 && matches.length < limit;) {
    matches.push({ start: at, end: at + needle.length });
    at = haystack.indexOf(needle, at + needle.length);
  }
  return matches;
}

/** The text in order, each match its own piece carrying its index. */
export function splitByMatches(text: string, matches: readonly TextMatch[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  matches.forEach((match, index) => {
    if (match.start > at) pieces.push({ text: text.slice(at, match.start), match: null });
    pieces.push({ text: text.slice(match.start, match.end), match: index });
    at = match.end;
  });
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), match: null });
  return pieces;
}

/** The match after (+1) or before (-1) `current`, wrapping round; -1 when there are none. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
