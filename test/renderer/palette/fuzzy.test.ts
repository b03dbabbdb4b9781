// The palette's ranking: every query word must match in order; substrings and word starts beat scattered
// letters; the title beats keywords; ties keep the providers' order.
import { describe, expect, it } from 'vitest';
import { commandScore, rankCommands, wordScore } from '../../../renderer/src/palette/fuzzy';

const command = (title: string, keywords: string[] = []) => ({ title, keywords });

describe('wordScore', () => {
  it('needs every letter, in order', () => {
    expect(wordScore('ctr', 'go to containers')).not.toBeNull();
    expect(wordScore('rtc', 'go to containers')).toBeNull();
    expect(wordScore('x', 'go to containers')).toBeNull();
  });

  it('ranks a prefix over a word start over a substring inside a word over scattered letters', () => {
    const prefix = wordScore('con', 'containers')!;
    const wordStart = wordScore('con', 'go to containers')!;
    const inside = wordScore('con', 'reconnect')!;
    const scattered = wordScore('con', 'cat on nap')!;
    expect(prefix).toBeGreaterThan(wordStart);
    expect(wordStart).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(scattered);
  });
});

describe('rankCommands', () => {
  const commands = [
    command('Go to Dashboard'),
    command('Go to Containers'),
    { ...command('Go to web-1', ['web-1', 'abc123', 'nginx']), boost: 10 },
    command('Logs of web-1', ['web-1', 'logs']),
    command('Logs of db', ['db', 'logs']),
    command('Stop web-1', ['web-1', 'stop']),
    command('Image nginx:1.27', ['nginx:1.27', 'image']),
  ];

  it('keeps the given order when nothing is typed, up to the limit', () => {
    expect(rankCommands(commands, '  ', 3).map((c) => c.title)).toEqual([
      'Go to Dashboard',
      'Go to Containers',
      'Go to web-1',
    ]);
  });

  it('matches every word of the query: "web logs" finds only the logs of web-1', () => {
    expect(rankCommands(commands, 'web logs').map((c) => c.title)).toEqual(['Logs of web-1']);
  });

  it('puts the best match first: a container name typed whole finds its page first', () => {
    expect(rankCommands(commands, 'web-1')[0]!.title).toBe('Go to web-1');
  });

  it('finds by keyword (an image, a short id) when the title does not say it', () => {
    expect(rankCommands(commands, 'abc123').map((c) => c.title)).toEqual(['Go to web-1']);
  });

  it('prefers a title match to the same match in keywords', () => {
    expect(commandScore('nginx', command('Image nginx:1.27'))!).toBeGreaterThan(
      commandScore('nginx', command('Go to web-1', ['nginx']))!,
    );
  });

  it('is case-insensitive, fuzzy across words, and empty when nothing matches', () => {
    expect(rankCommands(commands, 'GTD').map((c) => c.title)).toEqual(['Go to Dashboard']);
    expect(rankCommands(commands, 'zzz')).toEqual([]);
  });
});
