// Fuzzy matching for the command palette: every query word must appear in order (not necessarily together)
// in the command's title or keywords; matches at word starts, in a row and early in the text rank higher.
import type { PaletteCommand } from './command-types';

const isBoundary = (text: string, index: number) => index === 0 || /[\s\-_./:·]/.test(text[index - 1]!);

/** How well `word` matches `text` (both lower case): null when its letters are not all in it, in order. */
export function wordScore(word: string, text: string): number | null {
  if (word.length === 0) return 0;
  const exact = text.indexOf(word);
  if (exact >= 0) {
    // A whole substring: best at the start of the text, then at a word start.
    const bonus = exact === 0 ? 40 : isBoundary(text, exact) ? 25 : 10;
    return 100 + bonus + word.length * 4 - Math.min(exact, 20) * 0.5;
  }
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of word) {
    const found = text.indexOf(letter, from);
    if (found < 0) return null;
    score += found === previous + 1 ? 6 : isBoundary(text, found) ? 5 : 1;
    score -= Math.min(found - from, 10) * 0.3;
    previous = found;
    from = found + 1;
  }
  return score;
}

/** The command's score for a query, or null when some word of the query does not match it. */
export function commandScore(
  query: string,
  command: Pick<PaletteCommand, 'title' | 'keywords' | 'boost'>,
): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const title = command.title.toLowerCase();
  const keywords = (command.keywords ?? []).map((keyword) => keyword.toLowerCase());
  let total = command.boost ?? 0;
  for (const word of words) {
    // The title counts more than keywords: "logs" should find "Logs of web" before a container named "logs-x".
    let best = wordScore(word, title);
    for (const keyword of keywords) {
      const score = wordScore(word, keyword);
      if (score !== null && (best === null || score * 0.8 > best)) best = score * 0.8;
    }
    if (best === null) return null;
    total += best;
  }
  return total;
}

/** The commands matching `query`, best first (ties keep the providers' order), at most `limit`. */
export function rankCommands<C extends Pick<PaletteCommand, 'title' | 'keywords' | 'boost'>>(
  commands: readonly C[],
  query: string,
  limit = 50,
): C[] {
  if (query.trim() === '') return commands.slice(0, limit);
  const scored: { command: C; score: number; index: number }[] = [];
  commands.forEach((command, index) => {
    const score = commandScore(query, command);
    if (score !== null) scored.push({ command, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((entry) => entry.command);
}
