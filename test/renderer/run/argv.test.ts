import { describe, expect, it } from 'vitest';
import { formatArgv, parseArgv } from '../../../renderer/src/run/argv';

const argv = (text: string) => {
  const result = parseArgv(text);
  if (!result.ok) throw new Error(result.message);
  return result.argv;
};

describe('parseArgv', () => {
  it('splits on any whitespace and ignores runs of it', () => {
    expect(argv('  sleep   3600 ')).toEqual(['sleep', '3600']);
    expect(argv('a\tb\nc')).toEqual(['a', 'b', 'c']);
    expect(argv('')).toEqual([]);
    expect(argv('   ')).toEqual([]);
  });

  it('keeps everything inside single quotes', () => {
    expect(argv(`sh -c 'echo "hi" $HOME \\n'`)).toEqual(['sh', '-c', 'echo "hi" $HOME \\n']);
  });

  it('unescapes only \\" \\\\ \\$ and \\` inside double quotes', () => {
    expect(argv('echo "a \\"b\\" \\\\ \\$x \\n"')).toEqual(['echo', 'a "b" \\ $x \\n']);
  });

  it('joins quoted and unquoted parts of one word', () => {
    expect(argv(`--name="my app"x 'a'"b"c`)).toEqual(['--name=my appx', 'abc']);
  });

  it('gives an empty argument for empty quotes', () => {
    expect(argv(`printf '' ""`)).toEqual(['printf', '', '']);
  });

  it('escapes the next character outside quotes, and continues lines', () => {
    expect(argv('echo a\\ b \\"c\\"')).toEqual(['echo', 'a b', '"c"']);
    expect(argv('echo a \\\n b')).toEqual(['echo', 'a', 'b']);
  });

  it('leaves variables and globs alone: no shell is involved', () => {
    expect(argv('ls $HOME *.txt')).toEqual(['ls', '$HOME', '*.txt']);
  });

  it('names an unclosed quote and a trailing backslash', () => {
    expect(parseArgv(`echo 'hi`)).toEqual({
      ok: false,
      message: "A single quote (') is not closed: add the closing '.",
    });
    expect(parseArgv('echo "hi')).toEqual({
      ok: false,
      message: 'A double quote (") is not closed: add the closing ".',
    });
    expect(parseArgv('echo \\')).toMatchObject({ ok: false, message: expect.stringContaining('lone backslash') });
  });
});

describe('formatArgv', () => {
  it('writes plain words as they are and quotes the rest so that parseArgv reads them back', () => {
    const cases = [['sleep', '3600'], ['sh', '-c', `echo "it's" $HOME`], ['', 'a b'], ['--x=1,2']];
    for (const words of cases) expect(argv(formatArgv(words))).toEqual(words);
    expect(formatArgv(['sleep', '3600'])).toBe('sleep 3600');
    expect(formatArgv(['a b'])).toBe(`'a b'`);
  });
});
