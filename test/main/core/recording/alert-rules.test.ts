// The alert rules with a fake clock: a condition fires once when it has held for its time, not when it dips
// before, not again within 10 minutes, again after them if still held; one OOM alert per kill whichever
// signals tell of it; Settings' switches silence them; removed containers are forgotten.
import { describe, expect, it } from 'vitest';
import { alertRepeatMs, AlertRules, type Firing } from '../../../../main/core/recording/alert-rules';
import { alertMessage } from '../../../../main/core/recording/alert-message';
import { defaultStatsAlertSettings, type StatsAlertSettings } from '../../../../main/shared/stats-history-types';
import { F, statsFieldCount, type StatsValues } from '../../../../main/shared/stats-types';

const MiB = 1024 * 1024;
const settings: StatsAlertSettings = { ...defaultStatsAlertSettings, memoryPercent: 90, memorySeconds: 30 };

function row(values: Partial<Record<keyof typeof F, number | null>>): StatsValues {
  const v: StatsValues = new Array<number | null>(statsFieldCount).fill(null);
  v[F.oomKills] = 0;
  for (const [field, value] of Object.entries(values)) v[F[field as keyof typeof F]] = value;
  return v;
}

const high = row({ memBytes: 240 * MiB, memLimitBytes: 256 * MiB });
const low = row({ memBytes: 100 * MiB, memLimitBytes: 256 * MiB });

/** Feeds one sample a second from `from` for `seconds`; returns what fired, with the time of each. */
function feed(rules: AlertRules, from: number, seconds: number, v: StatsValues, id = 'c1') {
  const fired: Array<Firing & { t: number }> = [];
  for (let s = 0; s < seconds; s += 1) {
    const t = from + s * 1000;
    for (const firing of rules.sample(id, t, v)) fired.push({ ...firing, t });
  }
  return fired;
}

describe('AlertRules', () => {
  it('fires once when memory has held above the threshold for its seconds, with the limit', () => {
    const rules = new AlertRules(settings);
    expect(feed(rules, 0, 30, high)).toEqual([]);
    const fired = feed(rules, 30_000, 60, high);
    expect(fired).toEqual([{ id: 'c1', condition: 'memory', limit: 256 * MiB, t: 30_000 }]);
  });

  it('does not fire when the condition dips before its time, and counts again from the dip', () => {
    const rules = new AlertRules(settings);
    expect(feed(rules, 0, 29, high)).toEqual([]);
    expect(feed(rules, 29_000, 1, low)).toEqual([]);
    expect(feed(rules, 30_000, 30, high)).toEqual([]);
    expect(feed(rules, 60_000, 1, high).map((f) => f.t)).toEqual([60_000]);
  });

  it('does not count a container without a memory limit', () => {
    const rules = new AlertRules(settings);
    expect(feed(rules, 0, 120, row({ memBytes: 240 * MiB, memLimitBytes: null }))).toEqual([]);
  });

  it('fires again after 10 minutes if still held, not before', () => {
    const rules = new AlertRules(settings);
    const first = feed(rules, 0, 31, high);
    expect(first.map((f) => f.t)).toEqual([30_000]);
    expect(feed(rules, 31_000, alertRepeatMs / 1000 - 1, high)).toEqual([]);
    expect(feed(rules, 30_000 + alertRepeatMs, 5, high).map((f) => f.t)).toEqual([30_000 + alertRepeatMs]);
  });

  it('after 10 minutes a condition that dipped must hold for its seconds again', () => {
    const rules = new AlertRules(settings);
    feed(rules, 0, 31, high);
    feed(rules, 31_000, 1, low);
    const later = 31_000 + alertRepeatMs;
    expect(feed(rules, later, 30, high)).toEqual([]);
    expect(feed(rules, later + 30_000, 1, high)).toHaveLength(1);
  });

  it('throttled fires above its percentage (not at it) after its seconds', () => {
    const rules = new AlertRules({ ...settings, throttledPercent: 50, throttledSeconds: 10 });
    expect(feed(rules, 0, 60, row({ throttledPercent: 50, cpuLimitCores: 0.5 }))).toEqual([]);
    const fired = feed(rules, 60_000, 11, row({ throttledPercent: 80, cpuLimitCores: 0.5 }));
    expect(fired).toEqual([{ id: 'c1', condition: 'throttled', limit: 0.5, t: 70_000 }]);
  });

  it('one OOM alert per kill: the counter, the oom event and the die tell of the same kill', () => {
    const rules = new AlertRules(settings);
    feed(rules, 0, 5, low);
    const kill = feed(rules, 5000, 1, row({ ...{ memBytes: 100 * MiB, memLimitBytes: 256 * MiB }, oomKills: 1 }));
    expect(kill).toEqual([{ id: 'c1', condition: 'oom', limit: 256 * MiB, t: 5000 }]);
    expect(rules.oomSignal('c1', 5500)).toBeNull();
    expect(rules.oomSignal('c1', 6000)).toBeNull();
    // A kill 10 minutes later is another alert.
    expect(rules.oomSignal('c1', 5000 + alertRepeatMs)).toEqual({ id: 'c1', condition: 'oom', limit: 256 * MiB });
  });

  it('an OOM kill seen only through engine events (nobody watched) alerts once', () => {
    const rules = new AlertRules(settings);
    expect(rules.oomSignal('c2', 1000)).toEqual({ id: 'c2', condition: 'oom', limit: null });
    expect(rules.oomSignal('c2', 1200)).toBeNull();
  });

  it('kills counted before the first sample are old: no alert for them', () => {
    const rules = new AlertRules(settings);
    expect(feed(rules, 0, 3, row({ oomKills: 4 }))).toEqual([]);
    expect(feed(rules, 3000, 1, row({ oomKills: 5 })).map((f) => f.condition)).toEqual(['oom']);
  });

  it('enabled: false silences everything, oom: false silences OOM only', () => {
    const off = new AlertRules({ ...settings, enabled: false });
    expect(feed(off, 0, 60, high)).toEqual([]);
    expect(off.oomSignal('c1', 1000)).toBeNull();
    const noOom = new AlertRules({ ...settings, oom: false });
    expect(noOom.oomSignal('c1', 1000)).toBeNull();
    expect(feed(noOom, 0, 31, high)).toHaveLength(1);
  });

  it('new thresholds apply from the next sample', () => {
    const rules = new AlertRules(settings);
    expect(feed(rules, 0, 10, high)).toEqual([]);
    rules.setSettings({ ...settings, memorySeconds: 5 });
    expect(feed(rules, 10_000, 1, high)).toHaveLength(1);
  });

  it('a stopped series starts over; a removed container is forgotten', () => {
    const rules = new AlertRules(settings);
    feed(rules, 0, 20, high);
    rules.ended('c1');
    expect(feed(rules, 20_000, 29, high)).toEqual([]);
    expect(rules.size).toBe(1);
    rules.forget('c1');
    expect(rules.size).toBe(0);
  });
});

describe('alertMessage', () => {
  it('names the container, the threshold, the limit and the time', () => {
    expect(alertMessage('web', { id: 'x', condition: 'memory', limit: 256 * MiB }, settings)).toBe(
      'web has used over 90 % of its 256 MiB memory limit for 30 s',
    );
    expect(
      alertMessage('api', { id: 'x', condition: 'throttled', limit: 0.5 }, { ...settings, throttledSeconds: 120 }),
    ).toBe('api has been CPU-throttled by its limit of 0.5 cores in over 50 % of scheduler periods for 2 min');
    expect(alertMessage('db', { id: 'x', condition: 'oom', limit: 2 * 1024 * MiB }, settings)).toBe(
      'db was OOM-killed: a process in it went over its 2 GiB memory limit',
    );
  });
});
