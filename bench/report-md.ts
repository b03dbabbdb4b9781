// Writes the Markdown report of `npm run bench` (bench/results/latest.md): how and when it was measured, the
// machine and its load, a summary line per bench, then per bench its figures next to their peers and goals,
// or why it did not run, or how it failed (the tail of its stderr). Pure: the runner gathers, this writes.
import type { BenchDef } from './all-benches';
import { tally, type FigureRow, type JudgedBench } from './all-judge';
import type { MachineFacts } from './all-machine';
import { markdownTable } from './table';

export type BenchStatus = 'ok' | 'failed' | 'timed out' | 'cannot run here' | 'not selected' | 'not run yet';

export interface BenchOutcome {
  bench: BenchDef;
  /** The command run, e.g. `tsx bench/stats.ts --quick`. */
  command: string;
  status: BenchStatus;
  /** Why it cannot run here, or how it failed. */
  reason?: string;
  seconds?: number;
  /** Load averages (1, 5, 15 min) when it started and ended. */
  loadBefore?: number[];
  loadAfter?: number[];
  judged?: JudgedBench;
  stderrTail?: string;
  /** Where its whole output was written. */
  logFile?: string;
}

export interface ReportInput {
  /** How the run was asked for, e.g. `npm run bench -- --quick`. */
  command: string;
  quick: boolean;
  started: Date;
  ended?: Date;
  machine: MachineFacts;
  cores: number;
  loadBefore: number[];
  loadAfter?: number[];
  outcomes: BenchOutcome[];
}

/** A table cell: pipes escaped and lines joined, so a value cannot break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function duration(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
}

const load = (values: number[] | undefined) => (values ? values.map((value) => value.toFixed(2)).join(' ') : '—');

function verdictCell(row: FigureRow): string {
  switch (row.verdict) {
    case 'yes':
      return 'yes';
    case 'no':
      return '**no**';
    case 'no goal':
      return '—';
    case 'goal in words':
      return 'not judged';
    case 'not measured':
      return '**not measured**';
    case 'goal elsewhere':
      return `— (goal at ${row.goalWhere})`;
  }
}

export function figuresTable(rows: FigureRow[]): string {
  return markdownTable(
    ['figure', 'Berth', 'peer', 'ratio / figure', 'goal', 'met?'],
    rows.map((row) =>
      [`${row.label} (\`${row.key}\`)`, row.berth, row.peer, row.value, row.goal, verdictCell(row)].map(cell),
    ),
  );
}

function goalsCell(outcome: BenchOutcome): string {
  if (!outcome.judged) return '—';
  const { judged, met, unmeasured } = tally(outcome.judged.rows);
  const parts = judged > 0 ? [`${met} of ${judged}`] : [];
  if (unmeasured > 0) parts.push(`${unmeasured} not measured`);
  return parts.length ? parts.join(', ') : 'no goal';
}

function summaryTable(outcomes: BenchOutcome[]): string {
  return markdownTable(
    ['bench', 'status', 'goals met', 'time', 'load average before → after'],
    outcomes.map((outcome) =>
      [
        `[${outcome.bench.name}](#${outcome.bench.name})`,
        outcome.status,
        goalsCell(outcome),
        outcome.seconds === undefined ? '—' : duration(outcome.seconds),
        outcome.loadBefore ? `${load(outcome.loadBefore)} → ${load(outcome.loadAfter)}` : '—',
      ].map(cell),
    ),
  );
}

function benchSection(outcome: BenchOutcome): string {
  const { bench } = outcome;
  const lines = [`## ${bench.name}`, '', `${bench.what[0]!.toUpperCase()}${bench.what.slice(1)}.`, ''];
  const ran = outcome.seconds !== undefined;
  lines.push(
    `\`${outcome.command}\` (alone: \`${bench.alone}\`)` +
      (ran ? `: ${outcome.status}, ${duration(outcome.seconds!)}` : `: ${outcome.status}`) +
      (ran ? `; load average ${load(outcome.loadBefore)} → ${load(outcome.loadAfter)}` : '') +
      (outcome.logFile ? `; whole output in \`${outcome.logFile}\` (not committed)` : '') +
      '.',
    '',
  );
  const why = outcome.status === 'cannot run here' || outcome.status === 'not selected';
  if (outcome.reason) lines.push(`**${why ? 'Why' : 'What happened'}:** ${outcome.reason}`, '');
  if (outcome.judged && outcome.judged.rows.length > 0) {
    lines.push(figuresTable(outcome.judged.rows), '');
    if (outcome.judged.others.length > 0)
      lines.push(`Also printed: ${outcome.judged.others.map((other) => `\`${other}\``).join(' ')}`, '');
  }
  if (outcome.stderrTail) lines.push('The end of its stderr:', '', '```text', outcome.stderrTail.trimEnd(), '```', '');
  return lines.join('\n');
}

function machineTable(input: ReportInput): string {
  const { machine } = input;
  return markdownTable(
    ['', ''],
    [
      ['CPU', machine.cpus],
      ['memory', machine.memory],
      ['kernel', machine.kernel],
      ['OS', machine.os],
      ['Node.js', machine.node],
      ['engine (`dockerd --version`, each bench starts its own)', machine.engine],
      ['docker CLI (the peers)', machine.dockerCli],
      ['QEMU', machine.qemu],
      ['Chromium', machine.chromium],
      ['commit measured', machine.commit],
      ['load average (1, 5, 15 min) before the run', load(input.loadBefore)],
      ['load average after the run', load(input.loadAfter)],
    ].map((row) => row.map(cell)),
  );
}

/** A sentence when the load says other work shared the cores during the run. */
function loadNote(input: ReportInput): string | undefined {
  const peak = Math.max(
    ...[input.loadBefore, input.loadAfter, ...input.outcomes.flatMap((o) => [o.loadBefore, o.loadAfter])]
      .filter((values): values is number[] => values !== undefined)
      .map((values) => values[0]!),
  );
  // The load counts the benches' own work too (a bench with 100 containers loads these cores by itself); above
  // the number of cores, work was waiting for a CPU.
  if (!(peak > input.cores)) return undefined;
  return (
    `The 1-minute load average reached ${peak.toFixed(2)} on ${input.cores} cores during the run (the benches' own ` +
    'work included): work waited for a CPU at times, so timing and CPU figures may be worse than on a quiet ' +
    'machine. Ratios to a peer measured in the same run suffer least.'
  );
}

export function reportMarkdown(input: ReportInput): string {
  const date = input.started.toISOString().slice(0, 16).replace('T', ' ');
  const took = input.ended
    ? `, ${duration((input.ended.getTime() - input.started.getTime()) / 1000)}`
    : ', still running';
  const mode = input.quick
    ? '**Quick mode**: benches that have one ran shorter (fewer containers, rounds or minutes; said below per bench); `npm run bench` without `--quick` runs them in full.'
    : 'Full mode: every bench with its default settings.';
  const note = loadNote(input);
  return [
    '# Berth benchmarks',
    '',
    `Measured by \`${input.command}\`, started ${date} UTC${took}. ${mode}`,
    '',
    'Each figure is measured beside its peer in the same run on the same machine. "Ratio / figure" is the value ' +
      'the bench prints on its last line (a ratio Berth / peer where there is a peer) and is what the goal judges. ' +
      'Regenerate with `sudo npm run bench` (builds first; `-- --quick` for the short run, `-- --only stats,ui` ' +
      'for some benches); this file is overwritten.',
    '',
    ...(note ? [note, ''] : []),
    '## Machine',
    '',
    machineTable(input),
    '',
    '## Summary',
    '',
    summaryTable(input.outcomes),
    '',
    ...input.outcomes.map(benchSection),
  ].join('\n');
}
