import { describe, expect, it } from 'vitest';
import { Bucket } from '../../../../../main/core/stats/history/bucket';
import { fieldRules } from '../../../../../main/core/stats/history/field-rules';
import { statsFields } from '../../../../../main/shared/stats-types';
import { containerId, cpu, FakeClock, mem, memLimit, oom, openStore, sample, width } from './history-fixture';

const minute = 60_000;
const day = 24 * 60 * minute;

describe('history downsampling', () => {
  it('has one rule for every field, and limits and counters keep their last value', () => {
    expect(Object.keys(fieldRules).sort()).toEqual([...statsFields].sort());
    expect(fieldRules.memLimitBytes).toEqual({ kind: 'limit', value: 'last' });
    expect(fieldRules.oomKills).toEqual({ kind: 'cumulative', value: 'last' });
    expect(fieldRules.cpuPercent).toEqual({ kind: 'gauge', value: 'mean' });
  });

  it('keeps a one-second spike in the one-minute tier max, with the mean beside it', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock);
    const id = containerId(1);
    const start = Math.floor(clock.ms / minute) * minute;
    for (let s = 0; s < 120; s += 1) store.append(id, start + s * 1000, sample(s === 30 ? 400 : 10));
    clock.ms = start + 120_000;
    await store.flush();
    const range = await store.read(id, clock.ms - 7 * day);
    expect(range.tier).toBe('1m');
    const [first, second] = range.rows;
    expect(first!.t).toBe(start);
    expect(first!.max![cpu]).toBe(400);
    expect(first!.min![cpu]).toBe(10);
    expect(first!.v[cpu]).toBeCloseTo((59 * 10 + 400) / 60, 3);
    expect(second!.max![cpu]).toBe(10);
    // The 1 s tier still has the spike as it was sampled.
    const tenSeconds = await store.read(id, start);
    expect(tenSeconds.tier).toBe('1s');
    expect(tenSeconds.rows[30]!.v[cpu]).toBe(400);
    await store.close();
  });

  it('takes the last value of limits and counters, not their mean', () => {
    const bucket = new Bucket(width);
    bucket.reset(0);
    bucket.add(sample(1, { [memLimit]: 100, [oom]: 1 }));
    bucket.add(sample(1, { [memLimit]: 300, [oom]: 3 }));
    const row = bucket.toRow(true);
    expect(row.v[memLimit]).toBe(300);
    expect(row.v[oom]).toBe(3);
    expect(row.max![oom]).toBe(3);
    expect(row.min![memLimit]).toBe(100);
  });

  it('leaves a field with no sample null (not zero) and skips nulls in the mean', () => {
    const bucket = new Bucket(width);
    bucket.reset(0);
    bucket.add(sample(10, { [mem]: null }));
    bucket.add(sample(20, { [mem]: Number.NaN }));
    bucket.add(null);
    const row = bucket.toRow(true);
    expect(row.v[cpu]).toBe(15);
    expect(row.v[mem]).toBeNull();
    expect(row.min![mem]).toBeNull();
    expect(row.max![mem]).toBeNull();
  });

  it('keeps gaps as gaps: an ended series is a null row, and unrecorded time reads as one gap row', async () => {
    const clock = new FakeClock();
    const store = await openStore(clock);
    const id = containerId(2);
    const t0 = Math.floor(clock.ms / 1000) * 1000;
    store.record({ t: t0, samples: [{ id, v: sample(5) }], ended: [] });
    store.record({ t: t0 + 1000, samples: [], ended: [{ id, reason: 'stopped' }] });
    // Nothing for 10 s (stopped), then it runs again.
    store.record({ t: t0 + 11_000, samples: [{ id, v: sample(7) }], ended: [] });
    store.record({ t: t0 + 12_000, samples: [{ id, v: sample(8) }], ended: [] });
    store.record({ t: t0 + 20_000, samples: [{ id, v: sample(9) }], ended: [] });
    clock.ms = t0 + 21_000;
    await store.flush();
    const { rows } = await store.read(id, t0);
    expect(rows.map((row) => [row.t - t0, row.v[cpu]])).toEqual([
      [0, 5],
      [1000, null],
      [11_000, 7],
      [12_000, 8],
      [13_000, null],
      [20_000, 9],
    ]);
    expect(rows[1]!.v.every((value) => value === null)).toBe(true);
    await store.close();
  });
});
