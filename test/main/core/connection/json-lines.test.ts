import { describe, expect, it } from 'vitest';
import { JsonLinesSplitter } from '../../../../main/core/connection/json-lines';

function collect(maxLineChars?: number) {
  const values: unknown[] = [];
  const bad: string[] = [];
  const splitter = new JsonLinesSplitter(
    { value: (v) => values.push(v), badLine: (_line, reason) => bad.push(reason) },
    maxLineChars,
  );
  return { splitter, values, bad };
}

describe('JsonLinesSplitter', () => {
  it('yields one value per line, whatever the chunk boundaries', () => {
    const text = '{"a":1}\n{"b":"two"}\n\n{"c":[3]}\n';
    for (let size = 1; size <= text.length; size += 1) {
      const { splitter, values } = collect();
      for (let i = 0; i < text.length; i += size) splitter.push(Buffer.from(text.slice(i, i + size)));
      splitter.end();
      expect(values).toEqual([{ a: 1 }, { b: 'two' }, { c: [3] }]);
    }
  });

  it('keeps multi-byte characters split between chunks intact', () => {
    const bytes = Buffer.from('{"name":"café ☕"}\n');
    const { splitter, values } = collect();
    // Every split point, including those inside the two-byte é and the three-byte ☕.
    for (let cut = 1; cut < bytes.length; cut += 1) {
      splitter.push(bytes.subarray(0, cut));
      splitter.push(bytes.subarray(cut));
    }
    expect(values).toHaveLength(bytes.length - 1);
    expect(new Set(values.map((v) => JSON.stringify(v)))).toEqual(new Set(['{"name":"café ☕"}']));
  });

  it('handles several lines in one chunk and CRLF endings', () => {
    const { splitter, values } = collect();
    splitter.push('{"x":1}\r\n{"x":2}\r\n{"x":');
    expect(values).toEqual([{ x: 1 }, { x: 2 }]);
    splitter.push('3}\r\n');
    expect(values).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
  });

  it('counts a last line without newline when the stream ends', () => {
    const { splitter, values } = collect();
    splitter.push('{"last":true}');
    expect(values).toEqual([]);
    splitter.end();
    expect(values).toEqual([{ last: true }]);
  });

  it('reports a line that is not JSON and carries on', () => {
    const { splitter, values, bad } = collect();
    splitter.push('not json\n{"ok":1}\n');
    expect(values).toEqual([{ ok: 1 }]);
    expect(bad).toHaveLength(1);
  });

  it('drops an over-long line instead of buffering it forever, then resumes', () => {
    const { splitter, values, bad } = collect(50);
    splitter.push(`{"big":"${'x'.repeat(60)}`);
    splitter.push(`${'y'.repeat(100)}"}\n{"after":1}\n`);
    expect(bad).toEqual(['line longer than 50 characters, dropped']);
    expect(values).toEqual([{ after: 1 }]);
  });
});
