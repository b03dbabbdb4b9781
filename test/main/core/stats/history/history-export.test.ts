import { describe, expect, it } from 'vitest';
import {
  csvHeader,
  historiesFromCsv,
  historiesFromJson,
  historiesToCsv,
  historiesToJson,
  historyFromCsv,
  historyFromJson,
  historyToCsv,
  historyToJson,
} from '../../../../../main/core/stats/history/history-export';
import { statsFields } from '../../../../../main/shared/stats-types';
import { containerId, FakeClock, mem, openStore, sample } from './history-fixture';

const day = 24 * 3600_000;

async function recordedRanges() {
  const clock = new FakeClock();
  const store = await openStore(clock);
  const id = containerId(7);
  const t0 = Math.floor(clock.ms / 60_000) * 60_000;
  for (let s = 0; s < 300; s += 1) {
    // A fraction, a gap and an unlimited (null) limit: the awkward values an export must keep.
    const values = sample(s / 3, s % 50 === 0 ? { [mem]: null } : {});
    if (s >= 100 && s < 130) store.append(id, t0 + s * 1000, null);
    else store.append(id, t0 + s * 1000, values);
  }
  clock.ms = t0 + 300_000;
  await store.flush();
  const ranges = [await store.read(id, t0), await store.read(id, clock.ms - 7 * day)];
  await store.close();
  return ranges;
}

describe('history export', () => {
  it('round-trips CSV and JSON of the 1 s and the 1 min tiers', async () => {
    for (const range of await recordedRanges()) {
      expect(range.rows.length).toBeGreaterThan(2);
      expect(historyFromCsv(historyToCsv(range))).toEqual(range.rows);
      expect(historyFromJson(historyToJson(range))).toEqual(range);
    }
  });

  it('names the columns with the contract field names', async () => {
    const [seconds, minutes] = await recordedRanges();
    expect(historyToCsv(seconds!).split('\n')[0]).toBe(['t', ...statsFields].join(','));
    expect(historyToCsv(minutes!).split('\n')[0]).toBe(csvHeader(true).join(','));
    expect(csvHeader(true)).toContain('cpuPercent.max');
  });

  it('round-trips several containers in one CSV (an id column first) and one JSON', async () => {
    const [, minutes] = await recordedRanges();
    const other = { ...minutes!, id: containerId(8), rows: minutes!.rows.slice(1) };
    const ranges = [minutes!, other];
    const csv = historiesToCsv(ranges);
    expect(csv.split('\n')[0]).toBe(['id', ...csvHeader(true)].join(','));
    expect(historiesFromCsv(csv)).toEqual(ranges.map(({ id, rows }) => ({ id, rows })));
    expect(historiesFromJson(historiesToJson(ranges))).toEqual(ranges);
    expect(() => historiesFromCsv(historyToCsv(minutes!))).toThrow(/not a stats history CSV/);
  });

  it('refuses a CSV or JSON that is not a stats history export', () => {
    expect(() => historyFromCsv('time,cpu\n1,2\n')).toThrow(/not a stats history CSV/);
    expect(() => historyFromCsv(`${['t', ...statsFields].join(',')}\n1,2\n`)).toThrow(/line 2 has 2 cells/);
    expect(() => historyFromJson('{"rows":[]}')).toThrow(/not a stats history export/);
  });
});
