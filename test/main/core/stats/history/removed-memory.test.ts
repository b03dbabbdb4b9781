// A removed container's history stays on disk for days; in memory it must cost a few hundred bytes, not its
// tiers' objects: a day of churn (compose up and down, a test suite) leaves thousands of them (the soak's core
// heap grew by 1.8 KiB with every churned container).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { containerId, FakeClock, openStore, sample } from './history-fixture';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('removed containers in memory', () => {
  it('keeps every row readable after its removal and last write, with the open bucket of its last seconds', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock);
    const id = containerId(1);
    for (let s = 0; s < 25; s += 1) store.append(id, clock.ms + s * 1000, sample(s));
    store.markRemoved(id);
    await store.flush();
    const seconds = await store.read(id, clock.ms - 60_000, clock.ms + 60_000, '1s');
    expect(seconds.rows.map((row) => row.v[0])).toHaveLength(25);
    // The 10 s tier's last bucket (20-24 s) was open at the removal: finished then, and written.
    const tens = await store.read(id, clock.ms - 60_000, clock.ms + 60_000, '10s');
    expect(tens.rows.map((row) => row.t - clock.ms)).toEqual([0, 10_000, 20_000]);
    expect(tens.rows.at(-1)!.max).toBeDefined();
    await store.close();
  });

  it('costs under 600 bytes of heap for each of 4000 removed containers once written (about 320 here; 1.5 KiB before)', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock, { maxOpenFiles: 8 });
    // Distinct ids (containerId pads with a hex digit, so some of its numbers name the same id).
    const idOf = (n: number) => (n + 1).toString(16).padStart(64, '0');
    const removeSome = async (from: number, to: number) => {
      for (let n = from; n < to; n += 1) {
        const id = idOf(n);
        for (let s = 0; s < 3; s += 1) store.append(id, clock.ms + s * 1000, sample(s));
        store.markRemoved(id);
        if (n % 200 === 199) await store.flush();
      }
      await store.flush();
    };
    // A first round compiles the code the measured one runs: compiled code is heap too, and not the containers'.
    await removeSome(0, 400);
    const before = heapAfterGc();
    const count = 4000;
    await removeSome(400, 400 + count);
    const perContainer = (heapAfterGc() - before) / count;
    console.info(`[history] ${perContainer.toFixed(0)} bytes of heap per removed container`);
    expect(store.ids()).toHaveLength(400 + count);
    expect(perContainer).toBeLessThan(600);
    await store.close();
  }, 60_000);
});
