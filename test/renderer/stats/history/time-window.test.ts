import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  clockFormat,
  clockTicks,
  expectedStepMs,
  formatInstant,
  formatSpan,
  panWindow,
  zoomSource,
  zoomWindow,
} from '../../../../renderer/src/stats/history/time-window';

describe('zoomWindow', () => {
  it('selects a drag in either direction', () => {
    expect(zoomWindow(1000, 61_000)).toEqual({ from: 1000, to: 61_000 });
    expect(zoomWindow(61_000, 1000)).toEqual({ from: 1000, to: 61_000 });
  });
  it('does not zoom on a click', () => {
    expect(zoomWindow(5000, 5000)).toBeNull();
  });
  it('widens a too narrow drag around its middle', () => {
    expect(zoomWindow(100_000, 102_000, 10_000)).toEqual({ from: 96_000, to: 106_000 });
  });
});

describe('clampWindow', () => {
  it('stops a window at now, keeping at least the smallest span', () => {
    expect(clampWindow({ from: 50_000, to: 200_000 }, 100_000)).toEqual({ from: 50_000, to: 100_000 });
    expect(clampWindow({ from: 98_000, to: 200_000 }, 100_000, 10_000)).toEqual({ from: 90_000, to: 100_000 });
    expect(clampWindow({ from: 10_000, to: 20_000 }, 100_000)).toEqual({ from: 10_000, to: 20_000 });
  });
});

describe('panWindow', () => {
  const window = { from: 100_000, to: 200_000 };
  it('moves by half the span', () => {
    expect(panWindow(window, -1, 0, 1_000_000)).toEqual({ from: 50_000, to: 150_000 });
    expect(panWindow(window, 1, 0, 1_000_000)).toEqual({ from: 150_000, to: 250_000 });
  });
  it('stops at now and at the oldest data, keeping the span', () => {
    expect(panWindow(window, 1, 0, 220_000)).toEqual({ from: 120_000, to: 220_000 });
    expect(panWindow(window, -1, 80_000, 1_000_000)).toEqual({ from: 80_000, to: 180_000 });
  });
});

describe('zoomSource and steps', () => {
  it('reads the ring for the last 15 minutes and the store before', () => {
    const now = 10_000_000;
    expect(zoomSource({ from: now - 60_000, to: now - 30_000 }, now)).toBe('ring');
    expect(zoomSource({ from: now - 20 * 60_000, to: now - 10 * 60_000 }, now)).toBe('store');
  });
  it('expects the tier the store keeps for each span', () => {
    expect(expectedStepMs(900_000)).toBe(1000);
    expect(expectedStepMs(3_600_000)).toBe(10_000);
    expect(expectedStepMs(86_400_000)).toBe(60_000);
  });
});

describe('clock ticks and labels', () => {
  it('falls on round local times within the window', () => {
    const from = new Date(2026, 11, 6, 10, 7, 23).getTime();
    const to = from + 3_600_000;
    const ticks = clockTicks(from, to);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(to);
      expect(new Date(t).getSeconds()).toBe(0);
      expect(new Date(t).getMinutes() % 15).toBe(0);
    }
  });
  it('puts 6-hour ticks of a day on local 00, 06, 12, 18', () => {
    const from = new Date(2026, 11, 5, 9, 30).getTime();
    const hours = clockTicks(from, from + 86_400_000).map((t) => new Date(t).getHours());
    expect(hours.every((h) => h % 6 === 0)).toBe(true);
  });
  it('formats HH:MM:SS, HH:MM and ddd HH:MM by span', () => {
    const t = new Date(2026, 11, 6, 9, 5, 7).getTime(); // a Sunday
    expect(clockFormat(15 * 60_000)(t)).toBe('09:05:07');
    expect(clockFormat(86_400_000)(t)).toBe('09:05');
    expect(clockFormat(7 * 86_400_000)(t)).toBe('Sun 09:05');
  });
  it("names one instant (a tooltip's row) in 24 h like the axes, afternoon included", () => {
    expect(formatInstant(new Date(2026, 11, 6, 9, 5, 7).getTime())).toBe('Sun 6 Dec 09:05:07');
    expect(formatInstant(new Date(2026, 11, 6, 21, 5, 7).getTime())).toBe('Sun 6 Dec 21:05:07');
  });
  it('says spans in words', () => {
    expect(formatSpan(30_000)).toBe('30 s');
    expect(formatSpan(250)).toBe('0.25 s');
    expect(formatSpan(1500)).toBe('1.5 s');
    expect(formatSpan(1000)).toBe('1 s');
    expect(formatSpan(300_000)).toBe('5 min');
    expect(formatSpan(6 * 3_600_000)).toBe('6 h');
    expect(formatSpan(86_400_000)).toBe('1 day');
    expect(formatSpan(7 * 86_400_000)).toBe('7 days');
  });
});
