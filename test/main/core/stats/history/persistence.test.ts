import { open, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSize, recordSize } from '../../../../../main/core/stats/history/record-codec';
import { historyTiers } from '../../../../../main/core/stats/history/tiers';
import { containerId, cpu, FakeClock, openStore, sample, tempDir, width } from './history-fixture';

const oneSecond = historyTiers[0]!;

/** Ten 1 s samples (cpu 1..10) for `id` from a whole second, then closed; returns that second. */
async function writeTen(dir: string, clock: FakeClock, id: string): Promise<number> {
  const store = await openStore(clock, { dir });
  const t0 = Math.floor(clock.ms / 1000) * 1000;
  for (let i = 0; i < 10; i += 1) store.append(id, t0 + i * 1000, sample(i + 1));
  clock.ms = t0 + 10_000;
  await store.close();
  return t0;
}

/** Reopens the store, appends one sample at `t` when given, reads the 1 s tier from `from` and closes. */
async function cpusAfterReopen(dir: string, clock: FakeClock, id: string, from: number, append?: [number, number]) {
  const store = await openStore(clock, { dir });
  if (append) {
    store.append(id, append[0], sample(append[1]));
    clock.ms = Math.max(clock.ms, append[0] + 1000);
  }
  const { rows } = await store.read(id, from);
  await store.close();
  return rows.map((row) => row.v[cpu]);
}

async function overwrite(file: string, position: number, bytes: number[]): Promise<void> {
  const handle = await open(file, 'r+');
  await handle.write(Buffer.from(bytes), 0, bytes.length, position);
  await handle.close();
}

describe('history persistence', () => {
  it('survives closing and reopening the store, in every tier, and resumes writing after what is on disk', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(1);
    const t0 = await writeTen(dir, clock, id);
    const store = await openStore(clock, { dir });
    const ranges = [];
    for (const from of [t0, clock.ms - 3 * 3600_000, clock.ms - 86400_000]) ranges.push(await store.read(id, from));
    await store.close();
    expect(ranges.map((range) => range.tier)).toEqual(['1s', '10s', '1m']);
    expect(ranges[0]!.rows.map((row) => row.v[cpu])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The 10 s tier's one bucket and the 1 min tier's one bucket hold the mean and the range of all ten.
    for (const range of ranges.slice(1))
      expect(range.rows.map((row) => [row.v[cpu], row.min![cpu], row.max![cpu]])).toEqual([[5.5, 1, 10]]);

    expect(await cpusAfterReopen(dir, clock, id, t0, [t0 + 10_000, 11])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("keeps which engine each container ran on across a restart, and lists an engine's containers not removed", async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const [a, b, c] = [containerId(1), containerId(2), containerId(3)];
    const store = await openStore(clock, { dir });
    for (const id of [a, b, c]) store.append(id, clock.ms, sample(1));
    store.setEngine(a, 'engine-one');
    store.setEngine(b, 'engine-one');
    store.setEngine(c, 'engine-two');
    // Set once: an id lives on one engine, and a later call cannot move it.
    store.setEngine(a, 'engine-two');
    store.markRemoved(b);
    store.setEngine(containerId(4), 'engine-one'); // nothing recorded of it: nothing to keep
    await store.close();
    const reopened = await openStore(clock, { dir });
    expect(reopened.idsOf('engine-one')).toEqual([a]);
    expect(reopened.idsOf('engine-two')).toEqual([c]);
    expect(reopened.idsOf('')).toEqual([]);
    await reopened.close();
  });

  it('ignores a torn last record on open and writes on over it', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(2);
    const t0 = await writeTen(dir, clock, id);
    const file = join(dir, id, '1s.bin');
    // A crash half-way through the last record: part of it reached the disk.
    await truncate(file, (await stat(file)).size - Math.floor(recordSize(oneSecond, width) / 2));
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await cpusAfterReopen(dir, clock, id, t0, [t0 + 9_000, 99])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
  });

  it('ignores a record whose bytes were garbled (crc mismatch): it reads as a gap, not as garbage', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(3);
    const t0 = await writeTen(dir, clock, id);
    // Slot of the 5th record (seq 5): one byte of its values flipped.
    await overwrite(join(dir, id, '1s.bin'), headerSize + 5 * recordSize(oneSecond, width) + 14, [0xff]);
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([1, 2, 3, 4, null, 6, 7, 8, 9, 10]);
  });

  it('starts a file of another format afresh instead of misreading it', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(4);
    const t0 = await writeTen(dir, clock, id);
    await overwrite(join(dir, id, '1s.bin'), 4, [2]); // another format version
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([]);
    expect(await cpusAfterReopen(dir, clock, id, t0, [t0 + 20_000, 5])).toEqual([5]);
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual([5]);
  });

  it('runs one flush at a time, and reads see rows not yet written and rows being written', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const id = containerId(5);
    const store = await openStore(clock, { dir });
    const t0 = Math.floor(clock.ms / 1000) * 1000;
    const flushes: Array<Promise<void>> = [];
    const reads: Array<Promise<Array<number | null>>> = [];
    for (let i = 0; i < 30; i += 1) {
      store.append(id, t0 + i * 1000, sample(i));
      clock.ms = t0 + (i + 1) * 1000;
      if (i % 3 === 2) flushes.push(store.flush());
      reads.push(store.read(id, t0).then((range) => range.rows.map((row) => row.v[cpu])));
    }
    await Promise.all(flushes);
    const seen = await Promise.all(reads);
    // Every read, whenever it ran, had every sample appended before it.
    seen.forEach((cpus, i) => expect(cpus.slice(0, i + 1)).toEqual(Array.from({ length: i + 1 }, (_, n) => n)));
    await store.close();
    expect(await cpusAfterReopen(dir, clock, id, t0)).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it('logs a container whose files cannot be written and still writes the others', async () => {
    const dir = await tempDir();
    const clock = new FakeClock();
    const [blocked, fine] = [containerId(6), containerId(7)];
    // A plain file where the container's folder should go: its folder cannot be made.
    await writeFile(join(dir, blocked), 'in the way');
    const errors: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (message: string) => errors.push(message) };
    const store = await openStore(clock, { dir, log });
    const t0 = Math.floor(clock.ms / 1000) * 1000;
    store.append(blocked, t0, sample(1));
    store.append(fine, t0, sample(2));
    clock.ms = t0 + 1000;
    await store.close();
    expect(errors).toEqual([`[stats-history] could not write the history of ${blocked.slice(0, 12)}`]);
    expect(await cpusAfterReopen(dir, clock, fine, t0)).toEqual([2]);
  });
});
