// The one stats ring, as the core and the renderer use it: order, dedupe by time, merging history, bounds,
// rows as ticks carry them, and (the renderer's) windows with gaps.
import { describe, expect, it } from 'vitest';
import { StatsRing } from '../../../main/shared/stats-ring';
import { F, statsFieldCount } from '../../../main/shared/stats-types';
import { seriesWindow } from '../../../renderer/src/stats/series-window';
import { row } from '../../renderer/stats/fixtures';

const cpu = F.cpuPercent;

function times(buffer: StatsRing): number[] {
  return buffer.rows().map((r) => r.t);
}

describe('StatsRing', () => {
  it('keeps rows in time order, one per time: a repeated time replaces the row', () => {
    const buffer = new StatsRing(100);
    buffer.push(1000, row({ cpuPercent: 1 }));
    buffer.push(2000, row({ cpuPercent: 2 }));
    buffer.push(2000, row({ cpuPercent: 3 }));
    expect(times(buffer)).toEqual([1000, 2000]);
    expect(buffer.valueAt(1, cpu)).toBe(3);
  });

  it('merges a late row into its place', () => {
    const buffer = new StatsRing(100);
    buffer.push(1000, row({ cpuPercent: 1 }));
    buffer.push(3000, row({ cpuPercent: 3 }));
    buffer.push(2000, row({ cpuPercent: 2 }));
    expect(times(buffer)).toEqual([1000, 2000, 3000]);
  });

  it('merges history with live rows, deduplicating by time (the live row wins)', () => {
    const buffer = new StatsRing(100);
    buffer.push(3000, row({ cpuPercent: 30 }));
    buffer.push(4000, row({ cpuPercent: 40 }));
    buffer.merge([1000, 2000, 3000].map((t) => ({ t, v: row({ cpuPercent: t / 1000 }) })));
    expect(times(buffer)).toEqual([1000, 2000, 3000, 4000]);
    expect(buffer.valueAt(2, cpu)).toBe(30);
  });

  it('never holds more than maxRows: the oldest fall off, also when growing from a small start', () => {
    const buffer = new StatsRing(10, 2);
    for (let t = 1; t <= 25; t += 1) buffer.push(t * 1000, row({ cpuPercent: t }));
    expect(buffer.length).toBe(10);
    expect(times(buffer)[0]).toBe(16_000);
    expect(buffer.lastTime).toBe(25_000);
    buffer.merge([{ t: 500, v: row({}) }]);
    expect(buffer.length).toBe(10);
    expect(times(buffer)[0]).toBe(16_000);
  });

  it('drops rows older than a time', () => {
    const buffer = new StatsRing(100);
    for (let t = 1; t <= 5; t += 1) buffer.push(t * 1000, row({}));
    buffer.dropBefore(3000);
    expect(times(buffer)).toEqual([3000, 4000, 5000]);
  });

  it('stores unknown values as null and an ended marker as a row of nulls', () => {
    const buffer = new StatsRing(100);
    buffer.push(1000, row({ cpuPercent: 5, cpuLimitCores: null }));
    buffer.push(2000, null);
    expect(buffer.valueAt(0, F.cpuLimitCores)).toBeNull();
    expect(buffer.isEndedAt(1)).toBe(true);
    expect(buffer.rows()[1].v).toBeNull();
  });

  it('gives the rows from a time on as ticks carry them, gaps as rows of null, ended markers left out', () => {
    const ring = new StatsRing(4, 4);
    for (let t = 1; t <= 6; t += 1) ring.push(t * 1000, t === 5 ? row({}) : row({ cpuPercent: t }));
    expect(ring.toRows(4000)).toEqual([
      { t: 4000, v: row({ cpuPercent: 4 }) },
      { t: 5000, v: row({}) },
      { t: 6000, v: row({ cpuPercent: 6 }) },
    ]);
    expect(ring.toRows(10_000)).toEqual([]);
    ring.push(7000, null);
    expect(ring.toRows(6500)).toEqual([]);
  });

  it('copies the newest row (NaN for null), and says when there is none to copy', () => {
    const ring = new StatsRing(4);
    const into = new Float64Array(statsFieldCount);
    expect(ring.copyNewest(into)).toBe(false);
    ring.push(1000, row({ memBytes: 5 }));
    expect(ring.copyNewest(into)).toBe(true);
    expect(into[F.memBytes]).toBe(5);
    expect(into[F.cpuPercent]).toBeNaN();
    ring.push(2000, row({}));
    expect(ring.newestIsEmpty()).toBe(true);
    expect(ring.copyNewest(into)).toBe(false);
  });

  it("copies a pushed row: later changes to the caller's array do not reach it", () => {
    const ring = new StatsRing(2);
    const reused = Float64Array.from(row({ cpuPercent: 1 }), (value) => value ?? Number.NaN);
    ring.push(1, reused);
    reused[F.cpuPercent] = 99;
    expect(ring.valueAt(0, F.cpuPercent)).toBe(1);
  });

  it('stops growing at maxRows: memory is bounded however many rows are pushed', () => {
    const ring = new StatsRing(8, 2);
    for (let t = 1; t <= 8; t += 1) ring.push(t, row({}));
    const full = ring.byteSize;
    for (let t = 9; t <= 100; t += 1) ring.push(t, row({}));
    expect(ring.byteSize).toBe(full);
    expect(ring.length).toBe(8);
  });

  describe('window', () => {
    it('holds the rows in range plus the one before, so a line enters at the edge', () => {
      const buffer = new StatsRing(100);
      for (let t = 1; t <= 10; t += 1) buffer.push(t * 1000, row({ cpuPercent: t }));
      const span = seriesWindow(buffer, 7000, 9000, 3000);
      expect(span.t).toEqual([7000, 8000, 9000]);
      expect(span.columns.cpuPercent).toEqual([7, 8, 9]);
      expect(seriesWindow(buffer, 6500, 9000, 3000).t).toEqual([6000, 7000, 8000, 9000]);
    });

    it('breaks the line where rows are further apart than the gap, and where the series ended', () => {
      const buffer = new StatsRing(100);
      buffer.push(1000, row({ cpuPercent: 1 }));
      buffer.push(2000, row({ cpuPercent: 2 }));
      buffer.push(3000, null);
      buffer.push(10_000, row({ cpuPercent: 10 }));
      const span = seriesWindow(buffer, 0, 10_000, 3000);
      expect(span.columns.cpuPercent).toEqual([1, 2, null, null, 10]);
      expect(span.t).toEqual([1000, 2000, 3000, 6500, 10_000]);
      expect(span.endedAt).toEqual([3000]);
    });
  });
});
