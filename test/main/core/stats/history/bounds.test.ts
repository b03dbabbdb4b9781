import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerMaxBytes } from '../../../../../main/core/stats/history/history-store';
import { tierFileMaxBytes } from '../../../../../main/core/stats/history/record-codec';
import { historyTiers } from '../../../../../main/core/stats/history/tiers';
import { containerId, FakeClock, openStore, sample, tempDir, width } from './history-fixture';

const day = 24 * 3600_000;

/** Bytes under `dir`, counted from the files themselves (not the store's own tally). */
async function bytesOnDisk(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

describe('history bounds', () => {
  it('caps a container by construction: more than 7 days of minutes leave each file at its full size', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const store = await openStore(clock, { dir });
    const id = containerId(1);
    // One sample a minute for 8 days: every tier wraps.
    for (let i = 0; i < 8 * 24 * 60; i += 1) {
      store.append(id, clock.ms, sample(i % 100));
      clock.advance(60_000);
      if (i % 1000 === 0) await store.flush();
    }
    await store.close();
    for (const tier of historyTiers)
      expect((await stat(join(dir, id, `${tier.name}.bin`))).size).toBe(tierFileMaxBytes(tier, width));
    expect(await bytesOnDisk(dir)).toBe(containerMaxBytes());
    const reopened = await openStore(clock, { dir });
    const { rows } = await reopened.read(id, clock.ms - 7 * day);
    expect(rows.length).toBe(historyTiers[2]!.capacity);
    // Oldest first, one minute apart: the wrap left time order intact.
    expect(rows.every((row, i) => i === 0 || row.t - rows[i - 1]!.t === 60_000)).toBe(true);
    await reopened.close();
  });

  it('holds the total cap under a flood of 500 short-lived containers, dropping the oldest first', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const capBytes = 200_000;
    const store = await openStore(clock, { dir, totalCapBytes: capBytes });
    for (let n = 0; n < 500; n += 1) {
      const id = containerId(n);
      for (let s = 0; s < 30; s += 1) store.append(id, clock.ms + s * 1000, sample(s));
      store.record({ t: clock.ms + 30_000, samples: [], ended: [{ id, reason: 'stopped' }], removed: [id] });
      clock.advance(1000);
      if (n % 25 === 24) {
        await store.flush();
        expect(store.totalBytes).toBeLessThanOrEqual(capBytes);
        expect(await bytesOnDisk(dir)).toBeLessThanOrEqual(capBytes);
      }
    }
    await store.close();
    const left = await readdir(dir);
    expect(left.length).toBeGreaterThan(0);
    // The survivors are the newest containers.
    expect(left).toContain(containerId(499));
    expect(left).not.toContain(containerId(0));
  }, 60_000); // 500 containers' files made and dropped on a shared 2-core machine

  it('drops a removed container after its retention days, not before, across a restart', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const store = await openStore(clock, { dir, removedRetentionDays: 3 });
    const gone = containerId(1);
    const alive = containerId(2);
    store.append(gone, clock.ms, sample(1));
    store.append(alive, clock.ms, sample(2));
    store.record({ t: clock.ms + 1000, samples: [], ended: [], removed: [gone] });
    await store.close();

    clock.advance(3 * day - 1000);
    const beforeDays = await openStore(clock, { dir, removedRetentionDays: 3 });
    await beforeDays.sweep();
    expect((await readdir(dir)).sort()).toEqual([gone, alive].sort());
    expect((await beforeDays.read(gone, clock.ms - 7 * day)).rows.length).toBe(1);
    clock.advance(1000);
    await beforeDays.sweep();
    expect(await readdir(dir)).toEqual([alive]);
    expect((await beforeDays.read(gone, clock.ms - 7 * day)).rows).toEqual([]);
    await beforeDays.close();
  });

  it('takes no rows for a container after its removal (the destroy event can beat its last sample and ended entry)', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock);
    const id = containerId(1);
    store.append(id, clock.ms, sample(1));
    store.markRemoved(id);
    store.record({ t: clock.ms + 1000, samples: [{ id, v: sample(2) }], ended: [{ id, reason: 'removed' }] });
    store.append(id, clock.ms + 2000, null);
    await store.flush();
    const { rows } = await store.read(id, clock.ms - 60_000, clock.ms + 60_000);
    expect(rows.map((row) => row.t)).toEqual([clock.ms]);
    await store.close();
  });

  it('refuses ids that are not 64 lowercase hex characters, before they name a file', async () => {
    const store = await openStore(new FakeClock());
    const message = /full container id \(64 lowercase hex characters\)/;
    for (const bad of ['../../etc', 'abc', containerId(1).toUpperCase(), `${containerId(1).slice(1)}/`, ''])
      expect(() => store.append(bad, 0, sample(1))).toThrow(message);
    expect(() => store.markRemoved('x'.repeat(64))).toThrow(message);
    await expect(store.read('..', 0)).rejects.toThrow(message);
    await store.close();
  });
});
