// The log panel's buffer: bounded to the newest lines, and a late snapshot merged with live lines once each.
import { describe, expect, it } from 'vitest';
import { appendLines, mergeSnapshot } from '../../../../renderer/src/pages/engine/log-buffer';

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe('appendLines', () => {
  it('keeps the newest lines up to the bound', () => {
    expect(appendLines(['a', 'b'], ['c'], 5)).toEqual(['a', 'b', 'c']);
    expect(appendLines(numbered(1, 4), numbered(5, 7), 5)).toEqual(numbered(3, 7));
    expect(appendLines([], numbered(1, 2000))).toEqual(numbered(1001, 2000));
  });
});

describe('mergeSnapshot', () => {
  it('drops live lines the snapshot already ends with', () => {
    expect(mergeSnapshot(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeSnapshot(['a', 'b', 'c'], ['c'])).toEqual(['a', 'b', 'c']);
  });

  it('appends live lines that came after the snapshot', () => {
    expect(mergeSnapshot(['a', 'b'], ['c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeSnapshot([], ['x'])).toEqual(['x']);
    expect(mergeSnapshot(['x'], [])).toEqual(['x']);
  });

  it('keeps repeated lines that are really new (same text, after the overlap)', () => {
    expect(mergeSnapshot(['ping', 'ping'], ['ping', 'ping', 'ping'])).toEqual(['ping', 'ping', 'ping']);
  });

  it('stays bounded', () => {
    expect(mergeSnapshot(numbered(1, 8), numbered(7, 12), 6)).toEqual(numbered(7, 12));
  });
});
