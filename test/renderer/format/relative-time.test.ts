import { describe, expect, it } from 'vitest';
import { formatFullDate, formatRelativeTime, formatShortDuration } from '../../../renderer/src/format/relative-time';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelativeTime', () => {
  it('says "just now" within ten seconds either way', () => {
    expect(formatRelativeTime(now, now)).toBe('just now');
    expect(formatRelativeTime(now - 9 * second, now)).toBe('just now');
    expect(formatRelativeTime(now + 9 * second, now)).toBe('just now');
  });

  it('uses the largest whole unit in the past', () => {
    expect(formatRelativeTime(now - 42 * second, now)).toBe('42 seconds ago');
    expect(formatRelativeTime(now - 5 * minute, now)).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 90 * minute, now)).toBe('1 hour ago');
    expect(formatRelativeTime(now - 3 * hour, now)).toBe('3 hours ago');
    expect(formatRelativeTime(now - day - hour, now)).toBe('yesterday');
    expect(formatRelativeTime(now - 3 * day, now)).toBe('3 days ago');
    expect(formatRelativeTime(now - 65 * day, now)).toBe('2 months ago');
    expect(formatRelativeTime(now - 800 * day, now)).toBe('2 years ago');
  });

  it('handles the future', () => {
    expect(formatRelativeTime(now + 2 * hour, now)).toBe('in 2 hours');
  });

  it('shows a dash for invalid times', () => {
    expect(formatRelativeTime(Number.NaN, now)).toBe('—');
  });
});

describe('formatShortDuration', () => {
  it('rounds seconds up and larger units down', () => {
    expect(formatShortDuration(200)).toBe('1 s');
    expect(formatShortDuration(4_000)).toBe('4 s');
    expect(formatShortDuration(59_500)).toBe('60 s');
    expect(formatShortDuration(2 * minute + 30 * second)).toBe('2 min');
    expect(formatShortDuration(5 * hour)).toBe('5 h');
    expect(formatShortDuration(3 * day)).toBe('3 d');
    expect(formatShortDuration(-5)).toBe('0 s');
  });
});

describe('formatFullDate', () => {
  it('includes the year and the time', () => {
    const text = formatFullDate(now, 'en-GB');
    expect(text).toContain('2026');
    expect(text).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(formatFullDate(Number.NaN)).toBe('');
  });
});
