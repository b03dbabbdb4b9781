import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../renderer/src/run/dotenv';

describe('parseDotenv', () => {
  it('reads KEY=value lines, skipping blank lines and comments', () => {
    const text = '# database\nDB_HOST=localhost\n\n  DB_PORT = 5432  \n# end\n';
    expect(parseDotenv(text)).toEqual({
      entries: [
        { key: 'DB_HOST', value: 'localhost' },
        { key: 'DB_PORT', value: '5432' },
      ],
      problems: [],
    });
  });

  it('drops `export ` and an inline comment after an unquoted value', () => {
    expect(parseDotenv('export A=1 # one\nB=x#y').entries).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'x#y' },
    ]);
  });

  it('keeps single-quoted values as they are and unescapes double-quoted ones', () => {
    expect(parseDotenv(`A='a # b \\n $X'\nB="line\\none \\"q\\" \\\\"\nC=""`).entries).toEqual([
      { key: 'A', value: 'a # b \\n $X' },
      { key: 'B', value: 'line\none "q" \\' },
      { key: 'C', value: '' },
    ]);
  });

  it('reads a quoted value over several lines', () => {
    expect(parseDotenv('KEY="-----BEGIN\nabc\n-----END"\nNEXT=1').entries).toEqual([
      { key: 'KEY', value: '-----BEGIN\nabc\n-----END' },
      { key: 'NEXT', value: '1' },
    ]);
  });

  it('keeps = in values and handles Windows line ends', () => {
    expect(parseDotenv('URL=a=b=c\r\nX=1\r\n').entries).toEqual([
      { key: 'URL', value: 'a=b=c' },
      { key: 'X', value: '1' },
    ]);
  });

  it('reports, by line number, what it could not read', () => {
    const result = parseDotenv('GOOD=1\njust words\n=nokey\nBAD="open');
    expect(result.entries).toEqual([{ key: 'GOOD', value: '1' }]);
    expect(result.problems).toEqual([
      'Line 2 has no "=": "just words".',
      'Line 3 has no variable name before "=" (or one with spaces): "=nokey".',
      'Line 4: the double quote after BAD= is not closed.',
    ]);
  });
});
