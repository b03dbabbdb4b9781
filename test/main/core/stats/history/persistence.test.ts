import { open, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSize, recordSize } from '../../../../../main/core/stats/history/record-codec';
import { historyTiers } from '../../../../../main/core/stats/history/tiers';
import { containerId, cpu, FakeClock, openStore, sample, tempDir, width } from './history-fixture';

const oneSecond = historyTiers[0]!;

/** Ten 1 s samples (cpu 1..10) for `id` from a whole second, then flushed; returns that second. */
async function writeTen(dir: string, clock: FakeClock, id: string): Promise<number> {
  const store = await openStore(clock, { dir });
  const t0 = Math.floor(clock.ms / 1000) * 1000;
  for (let i = 0; i < 10; i += 1) store.append(id, t0 + i * 1000, sample(i + 1));
  clock.ms = t0 + 10_000;
  await store.close();
  return t0;
}

describe('history persistence', () => {
  it('survives closing and reopening the store, in every tier', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(1);
    const t0 = await writeTen(dir, clock, id);
    const before = await Promise.all(
      [t0, clock.ms - 3 * 3600_000, clock.ms - 86400_000].map(async (from) => {
        const store = await openStore(clock, { dir });
        const range = await store.read(id, from);
        await store.close();
        return range;
      }),
    );
    expect(before.map((range) => range.tier)).toEqual(['1s', '10s', '1m']);
    expect(before[0]!.rows.map((row) => row.v[cpu])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const reopened = await openStore(clock, { dir });
    expect((await reopened.read(id, t0)).rows).toEqual(before[0]!.rows);
    // Writing resumes after what is on disk.
    reopened.append(id, t0 + 10_000, sample(11));
    clock.advance(1000);
    await reopened.close();
    const again = await openStore(clock, { dir });
    expect((await again.read(id, t0)).rows.map((row) => row.v[cpu])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await again.close();
  });

  it('ignores a torn last record on open and writes on over it', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(2);
    const t0 = await writeTen(dir, clock, id);
    const file = join(dir, id, '1s.bin');
    const size = (await stat(file)).size;
    // A crash half-way through the last record: part of it reached the disk.
    await truncate(file, size - Math.floor(recordSize(oneSecond, width) / 2));

    const store = await openStore(clock, { dir });
    expect((await store.read(id, t0)).rows.map((row) => row.v[cpu])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    store.append(id, t0 + 9_000, sample(99));
    clock.advance(1000);
    await store.close();
    const reopened = await openStore(clock, { dir });
    expect((await reopened.read(id, t0)).rows.map((row) => row.v[cpu])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    await reopened.close();
  });

  it('ignores a record whose bytes were garbled (crc mismatch)', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(3);
    const t0 = await writeTen(dir, clock, id);
    const file = join(dir, id, '1s.bin');
    const handle = await open(file, 'r+');
    // Slot of the 5th record (seq 5): flip a byte of its values.
    await handle.write(Buffer.from([0xff]), 0, 1, headerSize + 5 * recordSize(oneSecond, width) + 14);
    await handle.close();
    const store = await openStore(clock, { dir });
    const cpus = (await store.read(id, t0)).rows.map((row) => row.v[cpu]);
    // The lost row reads as a gap, not as garbage.
    expect(cpus).toEqual([1, 2, 3, 4, null, 6, 7, 8, 9, 10]);
    await store.close();
  });

  it('starts a file of another format afresh instead of misreading it', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(4);
    const t0 = await writeTen(dir, clock, id);
    const handle = await open(join(dir, id, '1s.bin'), 'r+');
    await handle.write(Buffer.from([2]), 0, 1, 4); // another format version
    await handle.close();
    const store = await openStore(clock, { dir });
    expect((await store.read(id, t0)).rows).toEqual([]);
    store.append(id, t0 + 20_000, sample(5));
    clock.advance(20_000);
    await store.close();
    const reopened = await openStore(clock, { dir });
    expect((await reopened.read(id, t0)).rows.map((row) => row.v[cpu])).toEqual([5]);
    await reopened.close();
  });
});
