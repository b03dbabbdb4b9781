// A line's timestamp turned into the engine's `until`, one nanosecond earlier, and the line ring's bound.
import { describe, expect, it } from 'vitest';
import { LineRing, LineSplitter, toChunks, type LogLine } from '../../../../main/core/logs/log-lines';
import { untilJustBefore } from '../../../../main/core/logs/log-time';

describe('untilJustBefore', () => {
  it('gives seconds and nine digits of nanoseconds, one nanosecond earlier', () => {
    expect(untilJustBefore('2026-12-05T23:41:17.123456789Z')).toBe('1796514077.123456788');
    expect(untilJustBefore('2026-12-05T23:41:17Z')).toBe('1796514076.999999999');
    expect(untilJustBefore('2026-12-05T23:41:17.5Z')).toBe('1796514077.499999999');
    expect(untilJustBefore('2026-12-06T00:41:17.5+01:00')).toBe('1796514077.499999999');
  });

  it('refuses what is not a timestamp', () => {
    expect(() => untilJustBefore('yesterday')).toThrow(/not a log line's timestamp/);
  });
});

describe('LineRing and LineSplitter', () => {
  it('keeps the last lines only, split per fd even across chunks', () => {
    const ring = new LineRing(2);
    const splitter = new LineSplitter((line) => ring.push(line));
    splitter.push('stdout', Buffer.from('a\nb'));
    splitter.push('stderr', Buffer.from('e\n'));
    splitter.push('stdout', Buffer.from('\nc\nd'));
    splitter.flush();
    expect(ring.total).toBe(5);
    const kept: LogLine[] = ring.toArray();
    expect(kept).toEqual([
      { fd: 'stdout', text: 'c\n' },
      { fd: 'stdout', text: 'd\n' },
    ]);
    expect(toChunks(kept)).toEqual([{ fd: 'stdout', text: 'c\nd\n' }]);
  });
});
