// The JSON view's search: occurrences, highlighted pieces, next/previous with wrap-around.
import { describe, expect, it } from 'vitest';
import { findMatches, splitByMatches, stepMatch } from '../../../renderer/src/model/text-search';

describe('findMatches', () => {
  it('finds every occurrence regardless of case', () => {
    expect(findMatches('"Env": ["ENV=1"], "env"', 'env')).toEqual([
      { start: 1, end: 4 },
      { start: 9, end: 12 },
      { start: 19, end: 22 },
    ]);
  });

  it('does not overlap, finds nothing for an empty query, and stops at the limit', () => {
    expect(findMatches('aaaa', 'aa')).toHaveLength(2);
    expect(findMatches('abc', '')).toEqual([]);
    expect(findMatches('x'.repeat(100), 'x', 10)).toHaveLength(10);
    expect(findMatches('abc', 'zz')).toEqual([]);
  });
});

describe('splitByMatches', () => {
  it('cuts the text into plain and numbered matching pieces that join back to it', () => {
    const text = 'a Pid b pid';
    const pieces = splitByMatches(text, findMatches(text, 'pid'));
    expect(pieces).toEqual([
      { text: 'a ', match: null },
      { text: 'Pid', match: 0 },
      { text: ' b ', match: null },
      { text: 'pid', match: 1 },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('keeps the whole text when nothing matches', () => {
    expect(splitByMatches('abc', [])).toEqual([{ text: 'abc', match: null }]);
  });
});

describe('stepMatch', () => {
  it('moves forward and back, wrapping round', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(1, 3, 1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
