import { describe, expect, it } from 'vitest';
import { rowStepMs } from '../../../../../renderer/src/pages/container-detail/charts/row-step';

const rows = (times: number[]) => times.map((t) => ({ t }));

describe('rowStepMs', () => {
  it('is the median gap of the newest rows, to 50 ms', () => {
    expect(rowStepMs(rows([0, 1000, 2000, 3010, 4000]))).toBe(1000);
    expect(rowStepMs(rows([0, 251, 498, 752, 1001]))).toBe(250);
  });

  it('follows the newest cadence: rows at 1 s, then focused at 0.25 s', () => {
    const slow = Array.from({ length: 30 }, (_, i) => i * 1000);
    const fast = Array.from({ length: 20 }, (_, i) => 30_000 + i * 250);
    expect(rowStepMs(rows([...slow, ...fast]))).toBe(250);
  });

  it('ignores breaks, and falls back without two close rows', () => {
    expect(rowStepMs(rows([0, 60_000, 61_000, 62_000]))).toBe(1000);
    expect(rowStepMs(rows([0]))).toBe(1000);
    expect(rowStepMs(rows([0, 60_000]), 500)).toBe(500);
  });
});
