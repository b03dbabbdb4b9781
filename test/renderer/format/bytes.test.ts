import { describe, expect, it } from 'vitest';
import { formatBytes, formatGiB } from '../../../renderer/src/format/bytes';

describe('formatBytes', () => {
  it('uses binary prefixes with at most three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12.34 * 1024 ** 2)).toBe('12.3 MiB');
    expect(formatBytes(123.4 * 1024 ** 2)).toBe('123 MiB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GiB');
    expect(formatBytes(2.25 * 1024 ** 4)).toBe('2.25 TiB');
  });

  it('shows a dash for values that are not sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatGiB', () => {
  it('shows memory totals in GiB with one decimal', () => {
    expect(formatGiB(24 * 1024 ** 3)).toBe('24 GiB');
    expect(formatGiB(25_147_834_368)).toBe('23.4 GiB');
    expect(formatGiB(512 * 1024 ** 2)).toBe('0.5 GiB');
    expect(formatGiB(-5)).toBe('—');
  });
});
