// The key=value summary lines benches print last, as `npm run bench` reads them: numbers, figures a bench could
// not measure, text values, and where the last block of such lines is in a bench's output.
import { describe, expect, it } from 'vitest';
import { numberOf, parseSummaryLine, parseValue, summaryRecords } from '../../bench/all-parse';

describe('parseValue', () => {
  it('reads numbers as numbers', () => {
    expect(parseValue('0.031')).toEqual({ kind: 'number', value: 0.031, text: '0.031' });
    expect(parseValue('100')).toMatchObject({ kind: 'number', value: 100 });
    expect(parseValue('-2.5')).toMatchObject({ kind: 'number', value: -2.5 });
    expect(parseValue('1e3')).toMatchObject({ kind: 'number', value: 1000 });
  });

  it('reads NaN, dashes and the like as not measured, never as a number', () => {
    for (const text of ['NaN', '—', '-', '', 'Infinity', 'undefined']) expect(parseValue(text).kind).toBe('missing');
  });

  it('keeps lists and words as text (stats-top once printed runs=12,13,14, which Number() reads as NaN)', () => {
    expect(parseValue('12,13,14')).toEqual({ kind: 'text', text: '12,13,14' });
    expect(parseValue('virtiofs')).toEqual({ kind: 'text', text: 'virtiofs' });
    expect(parseValue('12ms')).toEqual({ kind: 'text', text: '12ms' });
  });
});

describe('parseSummaryLine', () => {
  it('reads a line made only of key=value tokens, keys in order', () => {
    const record = parseSummaryLine('  browser_pct=2.20 long_tasks=0 heap_growth_pct=NaN  ')!;
    expect([...record.keys()]).toEqual(['browser_pct', 'long_tasks', 'heap_growth_pct']);
    expect(numberOf(record.get('browser_pct'))).toBe(2.2);
    expect(numberOf(record.get('long_tasks'))).toBe(0);
    expect(record.get('heap_growth_pct')?.kind).toBe('missing');
    expect(numberOf(record.get('heap_growth_pct'))).toBeUndefined();
  });

  it('refuses a line with any other token, a blank line, and JSON', () => {
    expect(parseSummaryLine('[bench] load average=1.2 now')).toBeUndefined();
    expect(parseSummaryLine('ratio=0.5 and more')).toBeUndefined();
    expect(parseSummaryLine('   ')).toBeUndefined();
    expect(parseSummaryLine('{"ok":true}')).toBeUndefined();
    expect(parseSummaryLine('| a=1 | b=2 |')).toBeUndefined();
  });
});

describe('summaryRecords', () => {
  it('takes the last block of consecutive summary lines (stats prints one per container count)', () => {
    const output = [
      '[bench] x=1',
      'early=1',
      '| table |',
      '',
      'containers=10 ratio=0.05',
      'containers=100 ratio=0.02',
    ].join('\n');
    const records = summaryRecords(output);
    expect(records.map((record) => record.get('containers')?.text)).toEqual(['10', '100']);
  });

  it('finds the block before cleanup lines printed after it (ui removes its containers last)', () => {
    const records = summaryRecords('table\n\nbrowser_pct=2.2 long_tasks=0\n[bench:ui] removed 100 containers\n');
    expect(records).toHaveLength(1);
    expect(numberOf(records[0]!.get('browser_pct'))).toBe(2.2);
  });

  it('is empty when a bench printed no summary line', () => {
    expect(summaryRecords('[bench] failed: Error: no engine\n')).toEqual([]);
    expect(summaryRecords('')).toEqual([]);
  });
});
