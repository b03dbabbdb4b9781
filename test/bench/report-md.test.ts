// The Markdown report of `npm run bench`: the machine and its load, a summary per bench, each figure beside its
// peer and goal, and benches that did not run or failed reported with why, never left out.
import { describe, expect, it } from 'vitest';
import { benches } from '../../bench/all-benches';
import { figureSpecs } from '../../bench/all-goals';
import { judge } from '../../bench/all-judge';
import type { MachineFacts } from '../../bench/all-machine';
import { parseSummaryLine } from '../../bench/all-parse';
import { cell, duration, reportMarkdown, type BenchOutcome, type ReportInput } from '../../bench/report-md';

const bench = (name: string) => benches.find((each) => each.name === name)!;
const machine: MachineFacts = {
  cpus: '2 × AMD EPYC',
  memory: '23.5 GiB',
  kernel: 'Linux 6.1.0',
  os: 'Debian GNU/Linux 12 (bookworm)',
  node: 'v20.20.2',
  engine: 'Docker version 20.10.24+dfsg1',
  dockerCli: 'Docker version 28.2.2',
  qemu: 'not found',
  chromium: 'Chromium 156',
  commit: 'abc1234 (2026-12-06)',
};

function input(outcomes: BenchOutcome[], load = [0.2, 0.1, 0.1]): ReportInput {
  return {
    command: 'npm run bench -- --quick',
    quick: true,
    started: new Date('2026-12-06T18:00:00Z'),
    ended: new Date('2026-12-06T18:42:00Z'),
    machine,
    cores: 2,
    loadBefore: load,
    loadAfter: [0.3, 0.2, 0.1],
    outcomes,
  };
}

const stats: BenchOutcome = {
  bench: bench('stats'),
  command: 'tsx bench/stats.ts --quick',
  status: 'ok',
  seconds: 400,
  loadBefore: [0.2, 0.1, 0.1],
  loadAfter: [1.5, 0.9, 0.4],
  logFile: 'bench/results/stats.log',
  judged: judge(figureSpecs.stats!, [
    parseSummaryLine(
      'containers=100 ratio=0.026 latency_ms=450 rss_mb=61.0 hz=1.00 always_on_pct=0.80 berth_pct=1.10 cli_pct=42.30 cli_latency_ms=900 latency_unfocused_ms=700 extra=3',
    )!,
  ]),
};
const vm: BenchOutcome = {
  bench: bench('vm'),
  command: 'tsx bench/vm.ts --quick',
  status: 'cannot run here',
  reason: '`qemu-system-x86_64` is not on PATH',
};
const pull: BenchOutcome = {
  bench: bench('pull'),
  command: 'tsx bench/pull.ts',
  status: 'failed',
  reason: 'it exited with code 1',
  seconds: 12,
  loadBefore: [0.3, 0.2, 0.1],
  loadAfter: [0.3, 0.2, 0.1],
  stderrTail: '[bench] failed: Error: the registry did not answer',
};
const ui: BenchOutcome = {
  bench: bench('ui'),
  command: 'tsx bench/ui.ts --quick',
  status: 'not selected',
  reason: 'not named by `--only`',
};

describe('reportMarkdown', () => {
  const report = reportMarkdown(input([stats, vm, pull, ui]));

  it('says how, when and on what it was measured', () => {
    expect(report).toContain('Measured by `npm run bench -- --quick`, started 2026-12-06 18:00 UTC, 42.0 min.');
    expect(report).toContain('**Quick mode**');
    expect(report).toContain('| CPU | 2 × AMD EPYC |');
    expect(report).toContain(
      '| engine (`dockerd --version`, each bench starts its own) | Docker version 20.10.24+dfsg1 |',
    );
    expect(report).toContain('| load average (1, 5, 15 min) before the run | 0.20 0.10 0.10 |');
  });

  it('puts each figure beside its peer and goal, judged', () => {
    expect(report).toContain('| figure | Berth | peer | ratio / figure | goal | met? |');
    expect(report).toMatch(
      /\| stats' CPU [^|]*\(100 containers\) \(`ratio`\) \| 1\.10 % of a core \| `docker stats`: 42\.30 % \| 0\.026 \| ≤ 0\.03 \| yes \|/,
    );
    expect(report).toMatch(
      /\(`latency_ms`\) \| 450 ms \(nothing focused, as the table: 700 ms\) \| `docker stats`: 900 ms \| 450 ms \| ≤ 400 ms \| \*\*no\*\* \|/,
    );
    expect(report).toContain('Also printed: `extra=3`');
  });

  it('summarises each bench, its goals met and its load', () => {
    expect(report).toContain('| [stats](#stats) | ok | 2 of 3 | 6.7 min | 0.20 0.10 0.10 → 1.50 0.90 0.40 |');
    expect(report).toContain('| [vm](#vm) | cannot run here | — | — | — |');
    expect(report).toContain('| [ui](#ui) | not selected | — | — | — |');
  });

  it('lists a bench that cannot run here with the reason, and a failed one with its stderr', () => {
    expect(report).toContain('## vm');
    expect(report).toContain('**Why:** `qemu-system-x86_64` is not on PATH');
    expect(report).toContain('**What happened:** it exited with code 1');
    expect(report).toContain('```text\n[bench] failed: Error: the registry did not answer\n```');
  });

  it('notes a loaded machine only when the load says other work shared it', () => {
    expect(report).not.toContain('work waited for a CPU');
    const loaded = reportMarkdown(input([stats], [3.4, 2, 1]));
    expect(loaded).toContain('The 1-minute load average reached 3.40 on 2 cores during the run');
  });
});

describe('cell and duration', () => {
  it('keeps a value from breaking the table', () => {
    expect(cell('a | b\nc')).toBe('a \\| b c');
  });

  it('writes seconds under 90 as seconds, longer as minutes', () => {
    expect(duration(42.4)).toBe('42 s');
    expect(duration(400)).toBe('6.7 min');
  });
});
