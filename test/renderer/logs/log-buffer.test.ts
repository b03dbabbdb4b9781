// The Logs tab's model: chunks parsed into lines (timestamps, ANSI, partial lines per fd, CRLF), the bounded
// buffer (oldest dropped on append, newest on prepend, sequence numbers contiguous), and search.
import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../../renderer/src/logs/log-buffer';
import { LineParser, linesToText, stripAnsi, toLine, type LogLine } from '../../../renderer/src/logs/log-line';
import { findMatches, markPieces, stepMatch } from '../../../renderer/src/logs/log-search';

const ts = '2026-12-05T23:41:17.123456789Z';

function lines(buffer: LogBuffer, texts: string[]): LogLine[] {
  return texts.map((text) => toLine('stdout', `${ts} ${text}`, buffer.takeSeq()));
}

describe('LineParser', () => {
  it('splits chunks into lines per fd, keeping an unfinished line until its newline', () => {
    const parser = new LineParser();
    let seq = 0;
    const next = () => seq++;
    const first = parser.parse(
      [
        { fd: 'stdout', text: `${ts} one\n${ts} tw` },
        { fd: 'stderr', text: `${ts} \u001b[31mbad\u001b[0m\n` },
      ],
      next,
    );
    expect(first.map((line) => [line.fd, line.text, line.plain, line.ts])).toEqual([
      ['stdout', 'one', 'one', ts],
      ['stderr', '\u001b[31mbad\u001b[0m', 'bad', ts],
    ]);
    const second = parser.parse([{ fd: 'stdout', text: 'o\r\nno time here\n' }], next);
    expect(second.map((line) => [line.text, line.ts])).toEqual([
      ['two', ts],
      ['no time here', ''],
    ]);
    expect(parser.parse([{ fd: 'stdout', text: `${ts} cut` }], next)).toEqual([]);
    expect(parser.flush(next).map((line) => line.text)).toEqual(['cut']);
    expect([...first, ...second].map((line) => line.seq)).toEqual([0, 1, 2, 3]);
  });

  it('strips colour and cursor codes for search and copy', () => {
    expect(stripAnsi('\u001b[1;32mok\u001b[0m \u001b]0;title\u0007done\u001b[2K')).toBe('ok done');
  });

  it('gives copy text with or without times', () => {
    const line = toLine('stdout', `${ts} \u001b[32mhi\u001b[0m`, 0);
    expect(linesToText([line], false)).toBe('hi\n');
    expect(linesToText([line], true)).toBe(`${ts} hi\n`);
  });
});

describe('LogBuffer', () => {
  it('drops the oldest lines past its bound and says older ones exist', () => {
    const buffer = new LogBuffer(5);
    buffer.reset(false);
    buffer.append(lines(buffer, ['a', 'b', 'c']));
    expect(buffer.hasOlder).toBe(false);
    const before = buffer.version;
    buffer.append(lines(buffer, ['d', 'e', 'f', 'g']));
    expect(buffer.version).toBe(before + 1);
    expect(buffer.lines.map((line) => line.text)).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(buffer.hasOlder).toBe(true);
  });

  it('prepends older pages with contiguous sequence numbers, dropping the newest past its bound', () => {
    const buffer = new LogBuffer(6);
    buffer.append(lines(buffer, ['x', 'y', 'z']));
    const older = ['u', 'v'].map((text) => toLine('stdout', `${ts} ${text}`, 0));
    const seq = buffer.olderSeqs(older.length);
    for (const line of older) line.seq = seq();
    buffer.prepend(older, false);
    expect(buffer.lines.map((line) => line.seq)).toEqual([-2, -1, 0, 1, 2]);
    expect(buffer.newerDropped).toBe(false);

    const more = ['r', 's', 't'].map((text) => toLine('stdout', `${ts} ${text}`, 0));
    const seq2 = buffer.olderSeqs(more.length);
    for (const line of more) line.seq = seq2();
    buffer.prepend(more, true);
    expect(buffer.lines.map((line) => line.text)).toEqual(['r', 's', 't', 'u', 'v', 'x']);
    expect(buffer.lines.map((line) => line.seq)).toEqual([-5, -4, -3, -2, -1, 0]);
    expect(buffer.newerDropped).toBe(true);
    expect(buffer.hasOlder).toBe(false);
    // Once the live end is dropped, new lines are not appended after a gap.
    buffer.append(lines(buffer, ['live']));
    expect(buffer.lines.at(-1)?.text).toBe('x');
  });

  it('holds 100k lines at its 50k bound', () => {
    const buffer = new LogBuffer();
    for (let batch = 0; batch < 100; batch += 1)
      buffer.append(
        lines(
          buffer,
          Array.from({ length: 1000 }, (_, i) => `line ${batch * 1000 + i}`),
        ),
      );
    expect(buffer.size).toBe(50_000);
    expect(buffer.lines[0].text).toBe('line 50000');
    expect(buffer.lines.at(-1)?.text).toBe('line 99999');
  });
});

describe('search', () => {
  const held = [
    { seq: 7, plain: 'Needle and needle' },
    { seq: 8, plain: 'nothing' },
    { seq: 9, plain: 'one NEEDLE' },
  ];

  it('finds every occurrence, case-insensitively, in line order, up to a bound', () => {
    expect(findMatches(held, 'needle')).toEqual([
      { seq: 7, start: 0, end: 6 },
      { seq: 7, start: 11, end: 17 },
      { seq: 9, start: 4, end: 10 },
    ]);
    expect(findMatches(held, '')).toEqual([]);
    expect(findMatches(held, 'e', 2)).toHaveLength(2);
  });

  it('steps forward and back, wrapping around', () => {
    expect(stepMatch(3, -1, 1)).toBe(0);
    expect(stepMatch(3, -1, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });

  it('cuts coloured segments at the marks, keeping each piece its colour', () => {
    const pieces = markPieces(
      [
        { text: 'abc', style: 'red' },
        { text: 'def', style: 'plain' },
      ],
      [
        { start: 2, end: 4, current: true },
        { start: 5, end: 6, current: false },
      ],
    );
    expect(pieces).toEqual([
      { text: 'ab', style: 'red', mark: 0 },
      { text: 'c', style: 'red', mark: 2 },
      { text: 'd', style: 'plain', mark: 2 },
      { text: 'e', style: 'plain', mark: 0 },
      { text: 'f', style: 'plain', mark: 1 },
    ]);
  });
});
