// Owns turning a command typed as one line (`sh -c "echo hi"`) into the argv the engine runs, the way a POSIX
// shell splits words: single quotes keep everything, double quotes keep all but \" \\ \$ \`, a backslash
// outside quotes escapes the next character. No variables, globs or pipes: no shell is involved, so `$HOME`
// stays `$HOME` (wrap the command in `sh -c '…'` for those).

export type ArgvResult = { ok: true; argv: string[] } | { ok: false; message: string };

/** Inside double quotes a backslash escapes only these, as in sh; before anything else it is kept. */
const doubleQuoteEscapes = new Set(['"', '\\', '$', '`', '\n']);

export function parseArgv(text: string): ArgvResult {
  const argv: string[] = [];
  let word = '';
  // A word exists once anything was typed for it, so `''` gives an empty argument.
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && i + 1 < text.length && doubleQuoteEscapes.has(text[i + 1])) {
        i += 1;
        // Backslash-newline continues the line inside double quotes too.
        if (text[i] !== '\n') word += text[i];
      } else word += char;
      continue;
    }
    if (char === '\\') {
      if (i + 1 >= text.length)
        return {
          ok: false,
          message: 'The command ends with a lone backslash: escape something after it, or remove it.',
        };
      i += 1;
      if (text[i] === '\n') continue;
      word += text[i];
      inWord = true;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) {
    const name = quote === "'" ? 'single' : 'double';
    return { ok: false, message: `A ${name} quote (${quote}) is not closed: add the closing ${quote}.` };
  }
  if (inWord) argv.push(word);
  return { ok: true, argv };
}

/** An argv as one line that parseArgv reads back the same: plain words as they are, others single-quoted. */
export function formatArgv(argv: readonly string[]): string {
  return argv
    .map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
