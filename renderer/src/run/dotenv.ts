// Owns reading a pasted .env file into environment rows: `KEY=value` lines, blank lines and `#` comments
// skipped, an optional `export ` before the key, values in single quotes (kept as they are) or double quotes
// (\n, \t, \" and \\ unescaped, may span lines), unquoted values trimmed and cut at ` #`. Lines it cannot
// read are reported by number, not dropped silently.
import type { KeyValue } from '@shared/run-types';

export interface DotenvResult {
  entries: KeyValue[];
  /** One sentence per line that was not read, e.g. `Line 3 has no "=": "FOO"`. */
  problems: string[];
}

const doubleQuoteEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function parseDotenv(text: string): DotenvResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const entries: KeyValue[] = [];
  const problems: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const line = lines[index].trim();
    if (line === '' || line.startsWith('#')) continue;
    const body = line.replace(/^export\s+/, '');
    const equals = body.indexOf('=');
    if (equals < 0) {
      problems.push(`Line ${lineNumber} has no "=": "${shorten(line)}".`);
      continue;
    }
    const key = body.slice(0, equals).trim();
    if (!/^[^\s=]+$/.test(key)) {
      problems.push(`Line ${lineNumber} has no variable name before "=" (or one with spaces): "${shorten(line)}".`);
      continue;
    }
    const rest = body.slice(equals + 1).trimStart();
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      entries.push({ key, value: rest.replace(/\s+#.*$/, '').trim() });
      continue;
    }
    // A quoted value may continue on the following lines until its closing quote.
    const read = readQuoted(quote, rest.slice(1), lines, index);
    if (!read) {
      problems.push(
        `Line ${lineNumber}: the ${quote === '"' ? 'double' : 'single'} quote after ${key}= is not closed.`,
      );
      continue;
    }
    entries.push({ key, value: read.value });
    index = read.lastIndex;
  }
  return { entries, problems };
}

function readQuoted(
  quote: '"' | "'",
  first: string,
  lines: readonly string[],
  startIndex: number,
): { value: string; lastIndex: number } | null {
  let value = '';
  let text = first;
  for (let index = startIndex; index < lines.length; index += 1) {
    if (index > startIndex) {
      value += '\n';
      text = lines[index];
    }
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i];
      if (char === quote) return { value, lastIndex: index };
      if (quote === '"' && char === '\\' && i + 1 < text.length) {
        i += 1;
        value += doubleQuoteEscapes[text[i]] ?? `\\${text[i]}`;
      } else value += char;
    }
  }
  return null;
}

function shorten(line: string): string {
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
