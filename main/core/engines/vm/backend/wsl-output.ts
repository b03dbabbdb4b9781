// What wsl.exe prints, made readable: its own messages are UTF-16LE unless WSL_UTF8=1 took (older WSL, Windows 10
// builds where the variable does nothing: microsoft/WSL#4607), while a Linux command's output passes through as
// UTF-8; and `wsl --list --verbose` read into distributions with their state and WSL version.

/** UTF-16LE when it has the BOM or NULs in the odd bytes of ASCII text; else UTF-8. Carriage returns dropped. */
export function decodeWslOutput(bytes: Buffer): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (looksUtf16(bytes)) text = bytes.toString('utf16le');
  else text = bytes.toString('utf8');
  return text.replace(/\r/g, '');
}

/** Most odd bytes are zero: ASCII spelled as UTF-16LE. Real UTF-8 text has no NUL bytes at all. */
function looksUtf16(bytes: Buffer): boolean {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs === 0) return false;
  let zeros = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros += 1;
  return zeros / pairs > 0.5;
}

export interface WslDistro {
  name: string;
  state: string;
  version: number;
  isDefault: boolean;
}

/**
 * `wsl --list --verbose` prints a header (NAME STATE VERSION, localised) then one row per distribution, the
 * default marked with `*`. Columns are read from the right, since a name has no spaces but the header may.
 */
export function parseWslList(text: string): WslDistro[] {
  const rows = text.split('\n').filter((line) => line.trim() !== '');
  return rows.slice(1).flatMap((line) => {
    const isDefault = line.trimStart().startsWith('*');
    const words = line
      .replace(/^\s*\*?\s*/, '')
      .split(/\s+/)
      .filter(Boolean);
    const version = Number(words.at(-1));
    if (words.length < 3 || !Number.isInteger(version)) return [];
    return [{ name: words[0], state: words.slice(1, -1).join(' '), version, isDefault }];
  });
}

/** `wsl --list` fails (non-zero) with this message when no distribution is installed; that is an empty list. */
export function saysNoDistributions(text: string): boolean {
  return /has no installed distributions/i.test(text);
}
