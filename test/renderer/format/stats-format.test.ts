// Live stats in words: CPU in % of one core, limits in cores, binary memory, rates.
import { describe, expect, it } from 'vitest';
import {
  formatCores,
  formatMemoryUsage,
  formatPercent,
  formatRate,
  shareOfLimit,
} from '../../../renderer/src/format/stats-format';

describe('stats formatting', () => {
  it('shows CPU with one decimal and a space before %', () => {
    expect(formatPercent(12.5)).toBe('12.5 %');
    expect(formatPercent(48)).toBe('48.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(-0.01)).toBe('0.0 %');
    expect(formatPercent(1234.5)).toBe('1235 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('shows cores with at most two decimals and the right noun', () => {
    expect(formatCores(0.5)).toBe('0.5 cores');
    expect(formatCores(1)).toBe('1 core');
    expect(formatCores(2)).toBe('2 cores');
    expect(formatCores(1.25)).toBe('1.25 cores');
    expect(formatCores(0.333333)).toBe('0.33 cores');
    expect(formatCores(null)).toBe('—');
  });

  it('shows rates in binary units per second, whole bytes below 1 KiB', () => {
    expect(formatRate(239.33)).toBe('239 B/s');
    expect(formatRate(1536)).toBe('1.5 KiB/s');
    expect(formatRate(5 * 1024 ** 2)).toBe('5 MiB/s');
    expect(formatRate(null)).toBe('—');
  });

  it('shows memory against its limit, or alone when unlimited', () => {
    expect(formatMemoryUsage(48.2 * 1024 ** 2, 512 * 1024 ** 2)).toBe('48.2 MiB / 512 MiB');
    expect(formatMemoryUsage(48.2 * 1024 ** 2, null)).toBe('48.2 MiB');
    expect(formatMemoryUsage(null, 1024)).toBe('—');
  });

  it('computes the share of a limit in whole percent', () => {
    expect(shareOfLimit(48, 50)).toBe(96);
    expect(shareOfLimit(48, null)).toBeNull();
    expect(shareOfLimit(48, 0)).toBeNull();
    expect(shareOfLimit(null, 50)).toBeNull();
  });
});
