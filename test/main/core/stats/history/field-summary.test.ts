// The store's one-field summary (top consumers) agrees with what a read of the same range returns, on disk and
// in memory, at every tier, and skips what a read skips (a torn record).
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consumerOf, consumerOfSummary } from '../../../../../main/core/recording/stats-top';
import { headerSize, recordSize } from '../../../../../main/core/stats/history/record-codec';
import { historyTiers } from '../../../../../main/core/stats/history/tiers';
import { F } from '../../../../../main/shared/stats-types';
import { containerId, FakeClock, openStore, sample, tempDir, width } from './history-fixture';

describe('HistoryStore.summarize', () => {
  it('gives the mean, peak and last limit a read of the range gives, flushed rows and buffered ones together', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const store = await openStore(clock, { dir });
    const id = containerId(3);
    const t0 = Math.floor(clock.ms / 60_000) * 60_000;
    for (let s = 0; s < 1800; s += 1) {
      store.append(id, t0 + s * 1000, s % 200 < 20 ? null : sample(s % 50, { [F.cpuLimitCores]: s < 900 ? 1 : 2 }));
      if (s === 1200) await store.flush();
    }
    clock.ms = t0 + 1800_000;
    const range = { from: t0, to: clock.ms, field: F.cpuPercent, limitField: F.cpuLimitCores };
    for (const tier of historyTiers) {
      const read = await store.read(id, range.from, range.to, tier.name);
      const summary = await store.summarize(id, range, tier.name);
      const fromRows = consumerOf(read, 'cpu', 'web')!;
      const fromSummary = consumerOfSummary(id, summary, 'web')!;
      expect(fromSummary.mean).toBeCloseTo(fromRows.mean, 4);
      expect(fromSummary.max).toBe(fromRows.max);
      expect(fromSummary.limit).toBe(2);
    }
    await store.close();
  });

  it('leaves out a torn record as a read does', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const store = await openStore(clock, { dir });
    const id = containerId(4);
    const t0 = Math.floor(clock.ms / 1000) * 1000;
    for (let s = 0; s < 10; s += 1) store.append(id, t0 + s * 1000, sample(s === 9 ? 1000 : 10));
    clock.ms = t0 + 20_000;
    await store.close();
    // Tear the last 1 s record (cpu 1000): a crash mid-write.
    const file = await open(join(dir, id, '1s.bin'), 'r+');
    await file.write(Buffer.from([0xff, 0xff]), 0, 2, headerSize + 11 * recordSize(historyTiers[0]!, width) - 6);
    await file.close();
    const reopened = await openStore(clock, { dir });
    const summary = await reopened.summarize(
      id,
      { from: t0, to: clock.ms, field: F.cpuPercent, limitField: F.cpuLimitCores },
      '1s',
    );
    expect(summary).toMatchObject({ count: 9, max: 10, sum: 90 });
    await reopened.close();
  });
});
