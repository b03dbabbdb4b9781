// The stats bench's summary line, which `npm run bench` judges: the cgroup collector's ratio to `docker stats`
// with both sides, always_on_pct from the window with nobody watching, and NaN (never a dash) for what failed.
import { describe, expect, it } from 'vitest';
import { parseSummaryLine, numberOf } from '../../bench/all-parse';
import { countTable, summaryLine } from '../../bench/stats-report';
import type { CountResult } from '../../bench/stats-run';
import type { WindowResult } from '../../bench/stats-window';

const window = (engineCpuSeconds: number, readerCpuSeconds?: number): WindowResult => ({
  seconds: 30,
  engineCpuSeconds,
  readerCpuSeconds,
  readerRssBytes: readerCpuSeconds === undefined ? undefined : 60 * 2 ** 20,
  samples: new Map([['a', 30]]),
  shims: 1,
});

function result(alwaysOn?: WindowResult): CountResult {
  return {
    containers: 100,
    // Idle engine: 1 s of CPU in 30 s, 3.33 % of a core.
    idle: [window(1), window(1)],
    readers: {
      cli: { window: window(12, 3), latencies: [800, 900, 1000], errors: [] },
      cgroup: {
        window: window(1.1, 0.3),
        latencies: [200, 250, 300],
        unfocusedLatencies: [300, 600, 700],
        errors: [],
      },
      api: { errors: ['the API window failed'] },
    },
    alwaysOn: alwaysOn ? { window: alwaysOn, errors: [] } : { errors: ['serve did not record'] },
  };
}

describe('summaryLine', () => {
  it('prints the ratio with both sides, the latencies and always_on_pct, all as numbers', () => {
    const record = parseSummaryLine(summaryLine(result(window(1, 0.15))))!;
    const value = (key: string) => numberOf(record.get(key));
    expect(value('containers')).toBe(100);
    // Berth: reader 1 % + extra engine 0.33 %; CLI: 10 % + 36.67 %.
    expect(value('berth_pct')).toBeCloseTo(1.33, 2);
    expect(value('cli_pct')).toBeCloseTo(46.67, 2);
    expect(value('ratio')).toBeCloseTo(1.333 / 46.667, 3);
    // The spinner focused, as its chart gets it; nothing focused beside it, so neither hides the other.
    expect(value('latency_ms')).toBe(250);
    expect(value('latency_unfocused_ms')).toBe(600);
    expect(value('cli_latency_ms')).toBe(900);
    // The core's own CPU while recording with nobody watching: 0.15 s in 30 s.
    expect(value('always_on_pct')).toBe(0.5);
    expect(value('hz')).toBe(1);
  });

  it('prints NaN for always_on_pct when its window failed, so a parser sees it was not measured', () => {
    const record = parseSummaryLine(summaryLine(result()))!;
    expect(record.get('always_on_pct')).toEqual({ kind: 'missing', text: 'NaN' });
  });
});

describe('countTable', () => {
  it('has a row for recording always-on with nobody watching, marked failed when it failed', () => {
    expect(countTable(result(window(1, 0.15)))).toMatch(
      /\| Berth, cgroup collector, recording always-on, nobody watching \| 0\.50 \| 0\.00 \| 0\.50 \|/,
    );
    expect(countTable(result())).toContain('nobody watching (failed, see log)');
  });
});
