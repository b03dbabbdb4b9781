// Progress in words and numbers: bytes in one unit, whole percents, unknown totals, layers, errors, titles.
import { describe, expect, it } from 'vitest';
import {
  formatByteProgress,
  indicatorText,
  layerBytesText,
  layerFraction,
  newlyFinished,
  percentOf,
  titleWithProgress,
  transferErrorSummary,
  transferPercent,
  transferProgressText,
  transferStateLabel,
} from '../../../renderer/src/transfers/transfer-format';
import { layer, transfer } from '../../main/shared/transfer-fixtures';

const MiB = 1024 ** 2;

describe('formatByteProgress', () => {
  it('shows both numbers in the larger one’s unit', () => {
    expect(formatByteProgress(12.3 * MiB, 45.6 * MiB)).toBe('12.3 / 45.6 MiB');
    expect(formatByteProgress(512 * 1024, 2 * 1024 ** 3)).toBe('0 / 2 GiB');
    expect(formatByteProgress(300 * MiB, 1.5 * 1024 ** 3)).toBe('0.3 / 1.5 GiB');
    expect(formatByteProgress(0, 800)).toBe('0 / 800 B');
    expect(formatByteProgress(150 * MiB, 200 * MiB)).toBe('150 / 200 MiB');
  });

  it('marks a total that can still grow and drops an unknown one', () => {
    expect(formatByteProgress(MiB, 4 * MiB, false)).toBe('1 / 4+ MiB');
    expect(formatByteProgress(3 * MiB, 0)).toBe('3 MiB');
    expect(formatByteProgress(3 * MiB, null)).toBe('3 MiB');
    expect(formatByteProgress(Number.NaN, null)).toBe('0 B');
  });
});

describe('percentOf and transferPercent', () => {
  it('rounds down so 100 means complete, and clamps', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(1200, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
  });

  it('is 100 for a finished pull and null while no size is known', () => {
    expect(transferPercent(transfer({ state: 'done', currentBytes: 0, totalBytes: 0 }))).toBe(100);
    expect(transferPercent(transfer({ currentBytes: 0, totalBytes: 0 }))).toBeNull();
    expect(transferPercent(transfer({ currentBytes: 43, totalBytes: 100 }))).toBe(43);
    // Every byte is in but the layers still extract: not 100 until the engine says done.
    expect(transferPercent(transfer({ currentBytes: 100, totalBytes: 100 }))).toBe(99);
    expect(transferPercent(transfer({ state: 'cancelled', currentBytes: 100, totalBytes: 100 }))).toBe(100);
  });

  it('puts bytes and percent together for the total bar', () => {
    expect(transferProgressText(transfer({ currentBytes: 12.3 * MiB, totalBytes: 45.6 * MiB, totalKnown: true }))).toBe(
      '12.3 / 45.6 MiB · 26 %',
    );
    expect(transferProgressText(transfer({ currentBytes: 2 * MiB, totalBytes: 0 }))).toBe('2 MiB');
  });
});

describe('layers', () => {
  it('measures the phase a layer is in', () => {
    expect(layerFraction(layer({ phase: 'waiting' }))).toBe(0);
    expect(layerFraction(layer({ phase: 'downloading', currentBytes: 25, totalBytes: 100 }))).toBe(0.25);
    expect(layerFraction(layer({ phase: 'downloading', currentBytes: 25, totalBytes: null }))).toBeNull();
    expect(layerFraction(layer({ phase: 'extracting', extractedBytes: 50, totalBytes: 100 }))).toBe(0.5);
    expect(layerFraction(layer({ phase: 'already-exists' }))).toBe(1);
  });

  it('shows moving bytes while moving and the size once done', () => {
    expect(layerBytesText(layer({ phase: 'downloading', currentBytes: MiB, totalBytes: 2 * MiB }))).toBe('1 / 2 MiB');
    expect(layerBytesText(layer({ phase: 'complete', currentBytes: 2 * MiB, totalBytes: 2 * MiB }))).toBe('2 MiB');
    expect(layerBytesText(layer({ phase: 'already-exists' }))).toBe('');
  });
});

describe('states and errors in words', () => {
  it('names states by kind', () => {
    expect(transferStateLabel(transfer())).toBe('Pulling');
    expect(transferStateLabel(transfer({ kind: 'push', state: 'done' }))).toBe('Pushed');
    expect(transferStateLabel(transfer({ state: 'failed' }))).toBe('Pull failed');
  });

  it('explains an error code and leaves the engine’s message to be shown beside it', () => {
    expect(transferErrorSummary(transfer(), { code: 'AUTH_REQUIRED' })).toMatch(/Log in on the Registries page/);
    expect(transferErrorSummary(transfer(), { code: 'NOT_FOUND' })).toBe('The registry has no such image or tag.');
    expect(transferErrorSummary(transfer({ kind: 'push' }), { code: 'SOMETHING_NEW' })).toBe('The push failed.');
  });
});

describe('newlyFinished', () => {
  it('finds transfers that were running and have ended', () => {
    const before = [transfer({ id: 'a' }), transfer({ id: 'b', state: 'done' }), transfer({ id: 'c' })];
    const after = [
      transfer({ id: 'a', state: 'done' }),
      transfer({ id: 'b', state: 'done' }),
      transfer({ id: 'c' }),
      transfer({ id: 'd', state: 'failed' }),
    ];
    expect(newlyFinished(before, after).map((t) => t.id)).toEqual(['a']);
  });
});

describe('titleWithProgress', () => {
  it('puts the percent in front while transfers run and takes it away after', () => {
    expect(titleWithProgress('Images · Berth', 2, 43)).toBe('43 % · Images · Berth');
    expect(titleWithProgress('43 % · Images · Berth', 1, 50)).toBe('50 % · Images · Berth');
    expect(titleWithProgress('50 % · Images · Berth', 1, null)).toBe('… · Images · Berth');
    expect(titleWithProgress('… · Images · Berth', 0, null)).toBe('Images · Berth');
  });
});

describe('indicatorText', () => {
  it('counts running transfers with their overall percent, at most 99', () => {
    const pulls = [
      transfer({ id: 'a', currentBytes: 30, totalBytes: 100 }),
      transfer({ id: 'b', currentBytes: 56, totalBytes: 100 }),
    ];
    expect(indicatorText(pulls)).toBe('Pulling 2 · 43 %');
    expect(indicatorText([transfer({ kind: 'push', currentBytes: 5, totalBytes: 5 })])).toBe('Pushing 1 · 99 %');
    expect(indicatorText([transfer(), transfer({ id: 'p', kind: 'push' })])).toBe('Transferring 2');
  });

  it('says what waits to be dismissed once nothing runs', () => {
    expect(indicatorText([transfer({ state: 'done' }), transfer({ id: 'x', state: 'failed' })])).toBe(
      '1 transfer failed',
    );
    expect(indicatorText([transfer({ state: 'done' })])).toBe('1 transfer finished');
    expect(indicatorText([])).toBe('');
  });
});
