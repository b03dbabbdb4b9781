// Judges a bench's summary lines against its figures (all-goals.ts): one row per figure and line, with Berth's
// and the peer's measures filled in, the figure's value, its goal and whether it is met. Pure, so the report's
// every cell can be tested without running a benchmark.
import { numberOf, type SummaryRecord } from './all-parse';
import type { FigureSpec, Goal } from './all-goals';

/** Whether a figure meets its goal: judged yes/no, or why it is not judged. */
export type Verdict = 'yes' | 'no' | 'no goal' | 'goal in words' | 'not measured' | 'goal elsewhere';

export interface FigureRow {
  key: string;
  label: string;
  berth: string;
  peer: string;
  /** The key's value as the bench printed it, with its unit. */
  value: string;
  goal: string;
  verdict: Verdict;
  /** For 'goal elsewhere': where the goal holds (`containers=100`). */
  goalWhere?: string;
}

const opText = { '<=': '≤', '<': '<', '=': '=', '>=': '≥' } as const;

export function goalText(goal: Goal | undefined): string {
  if (!goal) return '—';
  if ('text' in goal) return goal.text;
  return `${opText[goal.op]} ${goal.value}${goal.unit ? ` ${goal.unit}` : ''}`;
}

/** True or false for a threshold; undefined for a goal in words, which no number can settle. */
export function meets(goal: Goal, value: number): boolean | undefined {
  if ('text' in goal) return undefined;
  switch (goal.op) {
    case '<=':
      return value <= goal.value;
    case '<':
      return value < goal.value;
    case '=':
      return value === goal.value;
    case '>=':
      return value >= goal.value;
  }
}

const placeholder = /\{([\w.-]+)\}/g;
// A placeholder with the unit that follows it ("{cli_ms} ms"), so a value not measured loses its unit too.
const placeholderWithUnit = /\{([\w.-]+)\}( [^\s,;:)]+)?/g;

/** The template with each `{key}` replaced by the value printed for it, or "—" (unit dropped) where there is none. */
export function fill(template: string | undefined, record: SummaryRecord): string {
  if (template === undefined) return '—';
  return template.replace(placeholderWithUnit, (_, key: string, unit: string | undefined) => {
    const value = record.get(key);
    return value && value.kind !== 'missing' ? `${value.text}${unit ?? ''}` : '—';
  });
}

function keysOf(template: string | undefined): string[] {
  return template ? [...template.matchAll(placeholder)].map((match) => match[1]!) : [];
}

function verdictOf(spec: FigureSpec, record: SummaryRecord): { verdict: Verdict; goalWhere?: string } {
  if (!spec.goal) return { verdict: 'no goal' };
  const where = spec.goalWhen;
  if (where && numberOf(record.get(where.key)) !== where.value)
    return { verdict: 'goal elsewhere', goalWhere: `${where.key}=${where.value}` };
  const value = numberOf(record.get(spec.key));
  if (value === undefined) return { verdict: 'not measured' };
  const met = meets(spec.goal, value);
  return { verdict: met === undefined ? 'goal in words' : met ? 'yes' : 'no' };
}

function valueText(spec: FigureSpec, record: SummaryRecord): string {
  const value = record.get(spec.key);
  if (!value || value.kind === 'missing') return 'not measured';
  return value.kind === 'number' && spec.unit ? `${value.text} ${spec.unit}` : value.text;
}

export interface JudgedBench {
  rows: FigureRow[];
  /** `key=value` of every printed figure no spec names, so nothing a bench printed is dropped. */
  others: string[];
}

/**
 * One row per figure per summary line. Where a bench prints several lines (stats: one per container count),
 * each row's label says which, by the keys its goals depend on.
 */
export function judge(specs: FigureSpec[], records: SummaryRecord[]): JudgedBench {
  const contextKeys = [...new Set(specs.flatMap((spec) => (spec.goalWhen ? [spec.goalWhen.key] : [])))];
  const used = new Set([
    ...contextKeys,
    ...specs.flatMap((spec) => [spec.key, ...keysOf(spec.berth), ...keysOf(spec.peer)]),
  ]);
  const rows: FigureRow[] = [];
  const others: string[] = [];
  for (const record of records) {
    const context = contextKeys
      .filter((key) => record.has(key))
      .map((key) => `${record.get(key)!.text} ${key}`)
      .join(', ');
    // Every figure gets its row, printed or not: a figure missing from the line is "not measured", not dropped.
    for (const spec of specs) {
      rows.push({
        key: spec.key,
        label: context ? `${spec.label} (${context})` : spec.label,
        berth: fill(spec.berth, record),
        peer: spec.peer === undefined ? '—' : fill(spec.peer, record),
        value: valueText(spec, record),
        goal: goalText(spec.goal),
        ...verdictOf(spec, record),
      });
    }
    for (const [key, value] of record) if (!used.has(key)) others.push(`${key}=${value.text}`);
  }
  return { rows, others };
}

/** Figures with a goal that were judged, and how many of them met it. */
export function tally(rows: FigureRow[]): { judged: number; met: number; unmeasured: number } {
  return {
    judged: rows.filter((row) => row.verdict === 'yes' || row.verdict === 'no').length,
    met: rows.filter((row) => row.verdict === 'yes').length,
    unmeasured: rows.filter((row) => row.verdict === 'not measured').length,
  };
}
