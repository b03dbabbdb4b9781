// After a limits update the core sends a row carrying the new limits: the renderer draws the limit line and says
// the limit from the rows it received only, with no row of its own making and no guess at the core's clock.
import { describe, expect, it } from 'vitest';
import { F } from '../../../main/shared/stats-types';
import { chartData, limitSegments } from '../../../renderer/src/pages/container-detail/charts/chart-data';
import { chartSummary } from '../../../renderer/src/pages/container-detail/charts/chart-summaries';
import { SeriesStore } from '../../../renderer/src/stats/series-store';
import { tick } from './fixtures';

const MiB = 1024 ** 2;

function sampled(memLimitBytes: number) {
  return { memBytes: 10 * MiB, memLimitBytes, swapLimitBytes: memLimitBytes * 2 };
}

describe('limits pushed by the core', () => {
  it('move the limit line and the summary at the row the core sent, and nowhere else', () => {
    const store = new SeriesStore();
    store.applyTick(tick(1000, [['a', sampled(256 * MiB)]]));
    store.applyTick(tick(2000, [['a', sampled(256 * MiB)]]));
    // The core's row after the update: its last measurements with the limits the engine now enforces.
    store.applyTick(tick(2400, [['a', sampled(128 * MiB)]]));

    const span = store.window('a', 60);
    expect(span?.t).toEqual([1000, 2000, 2400]);
    expect(span?.to).toBe(2400);
    const segments = limitSegments(chartData(span!), 'memLimitBytes');
    expect(segments).toEqual([
      { from: 1000, to: 2000, value: 256 * MiB },
      { from: 2000, to: 2400, value: 128 * MiB },
    ]);
    expect(store.latest('a')?.values[F.memLimitBytes]).toBe(128 * MiB);
    expect(chartSummary('memory', store.latest('a'))).toMatch(/limit 128 MiB/);
  });

  it('has no way to add a row the core did not send', () => {
    const store = new SeriesStore();
    store.applyTick(tick(1000, [['a', sampled(256 * MiB)]]));
    const api = Object.getOwnPropertyNames(Object.getPrototypeOf(store));
    expect(api.filter((name) => /confirm|limit/i.test(name))).toEqual([]);
    // The window ends at the newest row received, whatever this window's own clock says.
    expect(store.window('a', 60)?.t).toEqual([1000]);
    expect(store.window('a', 60)?.to).toBe(1000);
  });
});
