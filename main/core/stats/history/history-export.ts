// Exports a container's history range as CSV or JSON and parses both back, so an export can be checked (and
// re-imported) row for row. Columns are the contract's field names: `t` (epoch ms), then `statsFields`, then
// for downsampled tiers `<field>.min` and `<field>.max`. An empty CSV cell / JSON null is a gap or "unlimited".

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

export function historyToCsv(range: HistoryRange): string {
  const keepsRange = hasRange(range);
  const cells = (values: StatsValues | undefined) =>
    (values ?? []).map((value) => (value === null ? '' : String(value)));
  const lines = [csvHeader(keepsRange).join(',')];
  for (const row of range.rows)
    lines.push(
      [String(row.t), ...cells(row.v), ...(keepsRange ? [...cells(row.min), ...cells(row.max)] : [])].join(','),
    );
  return `${lines.join('\n')}\n`;
}

export function historyFromCsv(text: string): HistoryRow[] {
  const [headerLine = '', ...lines] = text.split('\n').filter((line) => line.length > 0);
  const header = headerLine.split(',');
  const keepsRange = header.length === csvHeader(true).length;
  if (header.join(',') !== csvHeader(keepsRange).join(','))
    throw new Error(`not a stats history CSV: its header is not t,${statsFields.join(',')}[,…min,…max]`);
  return lines.map((line, index) => {
    const cells = line.split(',');
    if (cells.length !== header.length)
      throw new Error(`stats history CSV line ${index + 2} has ${cells.length} cells, expected ${header.length}`);
    const numbers = cells.map((cell) => (cell === '' ? null : Number(cell)));
    const slice = (from: number) => numbers.slice(from, from + width);
    const row: HistoryRow = { t: numbers[0]!, v: slice(1) };
    if (keepsRange) {
      row.min = slice(1 + width);
      row.max = slice(1 + 2 * width);
    }
    return row;
  });
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
