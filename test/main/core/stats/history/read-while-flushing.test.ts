// A read running while a flush lands sees every row once: those flushed before, those the flush moves from
// memory to disk under it, and those still buffered (the recorder's last seconds before a flush). And an end
// of series for a container the store has nothing of makes no history.
import { describe, expect, it } from 'vitest';
import { containerId, cpu, FakeClock, openStore, sample } from './history-fixture';

describe('history reads during flushes', () => {
  it('includes rows still in memory and rows a concurrent flush is writing, each once', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock);
    const id = containerId(7);
    const t0 = Math.floor(clock.ms / 1000) * 1000;
    for (let i = 0; i < 20; i += 1) store.append(id, t0 + i * 1000, sample(i + 1));
    await store.flush();
    for (let lap = 0; lap < 20; lap += 1) {
      const base = t0 + (20 + lap * 5) * 1000;
      for (let i = 0; i < 5; i += 1) store.append(id, base + i * 1000, sample(20 + lap * 5 + i + 1));
      clock.ms = base + 5000;
      // The read starts first; the flush moves what it buffered to disk while the read waits on the file.
      const [range] = await Promise.all([store.read(id, t0), store.flush()]);
      const expected = Array.from({ length: 25 + lap * 5 }, (_, index) => index + 1);
      expect(range.rows.map((row) => row.v[cpu])).toEqual(expected);
    }
    await store.close();
  });
});

describe('history appends', () => {
  it('keeps nothing for the end of a series it has no history of (never recorded, or dropped over the cap)', async () => {
    const store = await openStore(new FakeClock());
    store.append(containerId(9), Date.now(), null);
    expect(store.ids()).toEqual([]);
    store.append(containerId(9), Date.now(), sample(1));
    store.append(containerId(9), Date.now() + 1000, null);
    expect(store.ids()).toEqual([containerId(9)]);
    await store.close();
  });
});
