// Reads what a benchmark printed last: its `key=value` summary lines. Every bench ends with one such line (the
// stats bench with one per container count), possibly followed by a cleanup message, so the parser takes the
// last block of consecutive key=value lines anywhere in the output. A value is a number, "missing" (a bench
// prints NaN or a dash for a figure it could not measure) or text (a list, a word), never a NaN that a
// comparison would quietly treat as a failed goal.

export type SummaryValue =
  { kind: 'number'; value: number; text: string } | { kind: 'missing'; text: string } | { kind: 'text'; text: string };

/** One summary line: its keys in the order printed. */
export type SummaryRecord = Map<string, SummaryValue>;

const numberPattern = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
// What benches print for a figure they did not measure (table.ts's fmt prints an em dash, stats NaN).
const missingWords = new Set(['', 'nan', '-', '—', 'n/a', 'undefined', 'null', 'infinity', '-infinity', '+infinity']);
const tokenPattern = /^([A-Za-z_][\w.-]*)=(\S*)$/;

export function parseValue(text: string): SummaryValue {
  if (missingWords.has(text.toLowerCase())) return { kind: 'missing', text };
  if (numberPattern.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { kind: 'number', value, text };
  }
  return { kind: 'text', text };
}

/** The record of a line made only of `key=value` tokens; undefined for any other line. */
export function parseSummaryLine(line: string): SummaryRecord | undefined {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') return undefined;
  const record: SummaryRecord = new Map();
  for (const token of tokens) {
    const match = tokenPattern.exec(token);
    if (!match) return undefined;
    record.set(match[1]!, parseValue(match[2]!));
  }
  return record;
}

/** The last block of consecutive summary lines in `output`, in the order printed; empty when there is none. */
export function summaryRecords(output: string): SummaryRecord[] {
  const lines = output.split(/\r?\n/);
  let end = lines.length - 1;
  while (end >= 0 && parseSummaryLine(lines[end]!) === undefined) end -= 1;
  const records: SummaryRecord[] = [];
  for (let index = end; index >= 0; index -= 1) {
    const record = parseSummaryLine(lines[index]!);
    if (!record) break;
    records.unshift(record);
  }
  return records;
}

/** The value's number, or undefined when it is missing or text. */
export function numberOf(value: SummaryValue | undefined): number | undefined {
  return value?.kind === 'number' ? value.value : undefined;
}
