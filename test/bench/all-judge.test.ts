// Judging a bench's summary lines against its figures and goals: the comparison for each operator, goals that
// hold only at one container count, figures not measured, text goals, and every printed key accounted for.
import { describe, expect, it } from 'vitest';
import { figureSpecs, type FigureSpec } from '../../bench/all-goals';
import { fill, goalText, judge, meets, tally } from '../../bench/all-judge';
import { parseSummaryLine } from '../../bench/all-parse';

const line = (text: string) => parseSummaryLine(text)!;

describe('meets and goalText', () => {
  it('compares with each operator, the boundary included only where the goal says so', () => {
    expect(meets({ op: '<=', value: 0.03 }, 0.03)).toBe(true);
    expect(meets({ op: '<=', value: 0.03 }, 0.031)).toBe(false);
    expect(meets({ op: '<', value: 5 }, 5)).toBe(false);
    expect(meets({ op: '<', value: 5 }, 4.9)).toBe(true);
    expect(meets({ op: '=', value: 0 }, 0)).toBe(true);
    expect(meets({ op: '=', value: 0 }, 1)).toBe(false);
    expect(meets({ op: '>=', value: 10 }, 9.99)).toBe(false);
  });

  it('cannot settle a goal in words', () => {
    expect(meets({ text: '≈ 10k' }, 10_000)).toBeUndefined();
  });

  it('writes goals as people read them', () => {
    expect(goalText({ op: '<=', value: 400, unit: 'ms' })).toBe('≤ 400 ms');
    expect(goalText({ op: '<', value: 5, unit: '%' })).toBe('< 5 %');
    expect(goalText({ op: '=', value: 0 })).toBe('= 0');
    expect(goalText({ text: '≈ 10k' })).toBe('≈ 10k');
    expect(goalText(undefined)).toBe('—');
  });
});

describe('fill', () => {
  it('puts the printed text of each key in its place, and a dash without its unit for a key not measured', () => {
    const record = line('berth_ms=812 cli_ms=NaN core_pct=1.2');
    expect(fill('{berth_ms} ms', record)).toBe('812 ms');
    expect(fill('`docker pull`: {cli_ms} ms', record)).toBe('`docker pull`: —');
    expect(fill('— (same window: core {core_pct} %, engine {engine_pct} %)', record)).toBe(
      '— (same window: core 1.2 %, engine —)',
    );
    expect(fill('{nowhere}', record)).toBe('—');
    expect(fill(undefined, record)).toBe('—');
  });
});

describe('judge', () => {
  const specs: FigureSpec[] = [
    {
      key: 'ratio',
      label: 'cost against docker stats',
      unit: '',
      berth: '{berth_pct} %',
      peer: 'docker stats: {cli_pct} %',
      goal: { op: '<=', value: 0.03 },
      goalWhen: { key: 'containers', value: 100 },
    },
    { key: 'rss_mb', label: 'RSS', unit: 'MiB' },
  ];

  it('judges a goal only on the line it holds for, and names the line in each label', () => {
    const { rows } = judge(specs, [
      line('containers=10 ratio=0.2 berth_pct=1 cli_pct=5 rss_mb=60'),
      line('containers=100 ratio=0.025 berth_pct=1.1 cli_pct=44 rss_mb=61'),
    ]);
    expect(rows.map((row) => [row.label, row.verdict])).toEqual([
      ['cost against docker stats (10 containers)', 'goal elsewhere'],
      ['RSS (10 containers)', 'no goal'],
      ['cost against docker stats (100 containers)', 'yes'],
      ['RSS (100 containers)', 'no goal'],
    ]);
    expect(rows[0]!.goalWhere).toBe('containers=100');
    expect(rows[2]).toMatchObject({ berth: '1.1 %', peer: 'docker stats: 44 %', value: '0.025', goal: '≤ 0.03' });
    expect(rows[3]!.value).toBe('61 MiB');
  });

  it('says a goal is not met, and a figure printed as NaN or not printed at all is not measured', () => {
    const over = judge(specs, [line('containers=100 ratio=0.04')]).rows[0]!;
    expect(over.verdict).toBe('no');
    const nan = judge(specs, [line('containers=100 ratio=NaN')]).rows;
    expect(nan[0]).toMatchObject({ verdict: 'not measured', value: 'not measured' });
    expect(nan[1]).toMatchObject({ verdict: 'no goal', value: 'not measured' });
    const absent = judge(specs, [line('containers=100 hz=1')]).rows[0]!;
    expect(absent.verdict).toBe('not measured');
  });

  it('lists every printed key no figure names, so nothing a bench printed is dropped', () => {
    const { others } = judge(specs, [line('containers=100 ratio=0.02 berth_pct=1 cli_pct=50 extra=7 runs=1,2')]);
    expect(others).toEqual(['extra=7', 'runs=1,2']);
  });

  it('shows a goal in words without judging it', () => {
    const row = judge(figureSpecs.ops!, [line('logs_follow_lines_per_s=9800')]).rows.find(
      (each) => each.key === 'logs_follow_lines_per_s',
    )!;
    expect(row).toMatchObject({ verdict: 'goal in words', goal: '≈ 10k (what the container writes)' });
  });

  it('tallies judged, met and unmeasured figures', () => {
    const { rows } = judge(figureSpecs.ui!, [
      line('browser_pct=2.2 long_tasks=1 heap_growth_pct=NaN startup_ms=700 core_pct=1 engine_pct=3 docker_ps_ms=90'),
    ]);
    expect(tally(rows)).toEqual({ judged: 3, met: 2, unmeasured: 1 });
    expect(rows.find((row) => row.key === 'browser_pct')!.peer).toBe("— (same window: Berth's core 1 %, engine 3 %)");
  });
});

describe('the goals of issue 16', () => {
  const goalOf = (bench: string, key: string) => goalText(figureSpecs[bench]!.find((spec) => spec.key === key)?.goal);

  it('are the ones the issue sets', () => {
    expect(goalOf('stats', 'ratio')).toBe('≤ 0.03');
    expect(goalOf('stats', 'always_on_pct')).toBe('≤ 1 %');
    expect(goalOf('stats', 'latency_ms')).toBe('≤ 400 ms');
    expect(goalOf('history', 'store_mb_per_container_day')).toBe('≤ 1 MB');
    expect(goalOf('ui', 'browser_pct')).toBe('≤ 3 %');
    expect(goalOf('ui', 'long_tasks')).toBe('= 0');
    expect(goalOf('ui', 'heap_growth_pct')).toBe('< 5 %');
    expect(goalOf('ui', 'startup_ms')).toBe('≤ 800 ms');
    expect(goalOf('ops', 'logs_ratio')).toBe('≤ 1');
    expect(goalOf('ops', 'logs_follow_long_tasks')).toBe('= 0');
    expect(goalOf('ops', 'exec_rtt_ratio')).toBe('≤ 1.5');
    expect(goalOf('pull', 'ratio')).toBe('—');
    expect(goalOf('vm', 'ratio')).toBe('—');
  });
});
