// The per-container ring buffer: order, dedupe by time, merging history, bounds, and windows with gaps.
import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from '../../../renderer/src/stats/series-buffer';
import { F } from '../../../main/shared/stats-types';
import { row } from './fixtures';

const cpu = F.cpuPercent;

function times(buffer: SeriesBuffer): number[] {
  return buffer.rows().map((r) => r.t);
}

describe('SeriesBuffer', () => {
  it('keeps rows in time order, one per time: a repeated time replaces the row', () => {
    const buffer = new SeriesBuffer(100);
    buffer.push(1000, row({ cpuPercent: 1 }));
    buffer.push(2000, row({ cpuPercent: 2 }));
    buffer.push(2000, row({ cpuPercent: 3 }));
    expect(times(buffer)).toEqual([1000, 2000]);
    expect(buffer.valueAt(1, cpu)).toBe(3);
  });

  it('merges a late row into its place', () => {
    const buffer = new SeriesBuffer(100);
    buffer.push(1000, row({ cpuPercent: 1 }));
    buffer.push(3000, row({ cpuPercent: 3 }));
    buffer.push(2000, row({ cpuPercent: 2 }));
    expect(times(buffer)).toEqual([1000, 2000, 3000]);
  });

  it('merges history with live rows, deduplicating by time (the live row wins)', () => {
    const buffer = new SeriesBuffer(100);
    buffer.push(3000, row({ cpuPercent: 30 }));
    buffer.push(4000, row({ cpuPercent: 40 }));
    buffer.merge([1000, 2000, 3000].map((t) => ({ t, v: row({ cpuPercent: t / 1000 }) })));
    expect(times(buffer)).toEqual([1000, 2000, 3000, 4000]);
    expect(buffer.valueAt(2, cpu)).toBe(30);
  });

  it('never holds more than maxRows: the oldest fall off, also when growing from a small start', () => {
    const buffer = new SeriesBuffer(10, 2);
    for (let t = 1; t <= 25; t += 1) buffer.push(t * 1000, row({ cpuPercent: t }));
    expect(buffer.length).toBe(10);
    expect(times(buffer)[0]).toBe(16_000);
    expect(buffer.lastTime).toBe(25_000);
    buffer.merge([{ t: 500, v: row({}) }]);
    expect(buffer.length).toBe(10);
    expect(times(buffer)[0]).toBe(16_000);
  });

  it('drops rows older than a time', () => {
    const buffer = new SeriesBuffer(100);
    for (let t = 1; t <= 5; t += 1) buffer.push(t * 1000, row({}));
    buffer.dropBefore(3000);
    expect(times(buffer)).toEqual([3000, 4000, 5000]);
  });

  it('stores unknown values as null and an ended marker as a row of nulls', () => {
    const buffer = new SeriesBuffer(100);
    buffer.push(1000, row({ cpuPercent: 5, cpuLimitCores: null }));
    buffer.push(2000, null);
    expect(buffer.valueAt(0, F.cpuLimitCores)).toBeNull();
    expect(buffer.isEndedAt(1)).toBe(true);
    expect(buffer.rows()[1].v).toBeNull();
  });

  describe('window', () => {
    it('holds the rows in range plus the one before, so a line enters at the edge', () => {
      const buffer = new SeriesBuffer(100);
      for (let t = 1; t <= 10; t += 1) buffer.push(t * 1000, row({ cpuPercent: t }));
      const span = buffer.window(7000, 9000, 3000);
      expect(span.t).toEqual([7000, 8000, 9000]);
      expect(span.columns.cpuPercent).toEqual([7, 8, 9]);
      expect(buffer.window(6500, 9000, 3000).t).toEqual([6000, 7000, 8000, 9000]);
    });

    it('breaks the line where rows are further apart than the gap, and where the series ended', () => {
      const buffer = new SeriesBuffer(100);
      buffer.push(1000, row({ cpuPercent: 1 }));
      buffer.push(2000, row({ cpuPercent: 2 }));
      buffer.push(3000, null);
      buffer.push(10_000, row({ cpuPercent: 10 }));
      const span = buffer.window(0, 10_000, 3000);
      expect(span.columns.cpuPercent).toEqual([1, 2, null, null, 10]);
      expect(span.t).toEqual([1000, 2000, 3000, 6500, 10_000]);
      expect(span.endedAt).toEqual([3000]);
    });
  });
});
