// Exports containers' history ranges as CSV or JSON and parses both back, so an export can be checked (and
// re-imported) row for row. Columns are the contract's field names: `t` (epoch ms), then `statsFields`, then
// for downsampled tiers `<field>.min` and `<field>.max`;
// several containers in one file add an `id` column first. An empty CSV cell / JSON null is a gap or "unlimited".

import { statsFields, type StatsValues } from '../../../shared/stats-types';
import type { HistoryRange, HistoryRow } from './history-row';

const width = statsFields.length;

export function csvHeader(keepsRange: boolean): string[] {
  const header = ['t', ...statsFields];
  if (keepsRange) header.push(...statsFields.map((f) => `${f}.min`), ...statsFields.map((f) => `${f}.max`));
  return header;
}

function hasRange(range: HistoryRange): boolean {
  return range.tier !== '1s';
}

const cells = (values: StatsValues | undefined) => (values ?? []).map((value) => (value === null ? '' : String(value)));

function rowCells(row: HistoryRow, keepsRange: boolean): string[] {
  if (!keepsRange) return [String(row.t), ...cells(row.v)];
  // A 1 s row among downsampled ones (several containers in one file) has one sample: its min and max are it.
  return [String(row.t), ...cells(row.v), ...cells(row.min ?? row.v), ...cells(row.max ?? row.v)];
}

export function historyToCsv(range: HistoryRange): string {
  const keepsRange = hasRange(range);
  const lines = [csvHeader(keepsRange).join(',')];
  for (const row of range.rows) lines.push(rowCells(row, keepsRange).join(','));
  return `${lines.join('\n')}\n`;
}

/** Several containers in one CSV: one header, an `id` column first, the rows of each container in turn. */
export function historiesToCsv(ranges: readonly HistoryRange[]): string {
  const keepsRange = ranges.some(hasRange);
  const lines = [['id', ...csvHeader(keepsRange)].join(',')];
  for (const range of ranges)
    for (const row of range.rows) lines.push([range.id, ...rowCells(row, keepsRange)].join(','));
  return `${lines.join('\n')}\n`;
}

function parseRow(cellsOfLine: string[], keepsRange: boolean, expected: number, lineNumber: number): HistoryRow {
  if (cellsOfLine.length !== expected)
    throw new Error(`stats history CSV line ${lineNumber} has ${cellsOfLine.length} cells, expected ${expected}`);
  const numbers = cellsOfLine.map((cell) => (cell === '' ? null : Number(cell)));
  const slice = (from: number) => numbers.slice(from, from + width);
  const row: HistoryRow = { t: numbers[0]!, v: slice(1) };
  if (keepsRange) {
    row.min = slice(1 + width);
    row.max = slice(1 + 2 * width);
  }
  return row;
}

function csvLines(text: string, withId: boolean): { keepsRange: boolean; header: string[]; lines: string[] } {
  const [headerLine = '', ...lines] = text.split('\n').filter((line) => line.length > 0);
  const header = headerLine.split(',');
  const own = withId ? header.slice(1) : header;
  const keepsRange = own.length === csvHeader(true).length;
  if ((withId && header[0] !== 'id') || own.join(',') !== csvHeader(keepsRange).join(','))
    throw new Error(
      `not a stats history CSV: its header is not ${withId ? 'id,' : ''}t,${statsFields.join(',')}[,…min,…max]`,
    );
  return { keepsRange, header, lines };
}

export function historyFromCsv(text: string): HistoryRow[] {
  const { keepsRange, header, lines } = csvLines(text, false);
  return lines.map((line, index) => parseRow(line.split(','), keepsRange, header.length, index + 2));
}

/** Parses what historiesToCsv wrote: each container's rows, in the order they came. */
export function historiesFromCsv(text: string): Array<{ id: string; rows: HistoryRow[] }> {
  const { keepsRange, header, lines } = csvLines(text, true);
  const byId = new Map<string, HistoryRow[]>();
  lines.forEach((line, index) => {
    const [id = '', ...rest] = line.split(',');
    const rows = byId.get(id) ?? [];
    rows.push(parseRow(rest, keepsRange, header.length - 1, index + 2));
    byId.set(id, rows);
  });
  return [...byId].map(([id, rows]) => ({ id, rows }));
}

export function historyToJson(range: HistoryRange): string {
  return JSON.stringify({ ...range, fields: statsFields });
}

export function historyFromJson(text: string): HistoryRange {
  const parsed = JSON.parse(text) as HistoryRange & { fields?: unknown };
  if (!Array.isArray(parsed.fields) || parsed.fields.join(',') !== statsFields.join(','))
    throw new Error(`not a stats history export: its fields are not ${statsFields.join(',')}`);
  const { fields: _fields, ...range } = parsed;
  return range;
}

/** Several containers in one JSON: `{ fields, ranges }`, each range as `stats:range` returns it. */
export function historiesToJson(ranges: readonly HistoryRange[]): string {
  return JSON.stringify({ fields: statsFields, ranges });
}

export function historiesFromJson(text: string): HistoryRange[] {
  const parsed = JSON.parse(text) as { fields?: unknown; ranges?: unknown };
  if (!Array.isArray(parsed.fields) || parsed.fields.join(',') !== statsFields.join(','))
    throw new Error(`not a stats history export: its fields are not ${statsFields.join(',')}`);
  if (!Array.isArray(parsed.ranges)) throw new Error('not a stats history export: it has no ranges');
  return parsed.ranges as HistoryRange[];
}
