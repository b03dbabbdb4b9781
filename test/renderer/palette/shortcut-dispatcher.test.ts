// Shortcut dispatch: chords and sequences run their command; keys typed into a field, the terminal, a menu or
// a dialog never do (except Mod chords outside the terminal); held keys and other apps' modifiers are ignored.
import { describe, expect, it, vi } from 'vitest';
import type { PaletteCommand } from '../../../renderer/src/palette/command-types';
import { sequenceMs, ShortcutDispatcher } from '../../../renderer/src/palette/shortcut-dispatcher';
import { chordLabel, chordOf, resolveShortcut, shortcutText } from '../../../renderer/src/palette/shortcuts';

/** A stand-in for a DOM element: `closest` answers from the selectors it is inside. */
function element(inside: string[] = [], extra: Partial<HTMLElement> = {}): EventTarget {
  return {
    isContentEditable: false,
    closest: (selector: string) =>
      selector
        .split(',')
        .map((part) => part.trim())
        .some((part) => inside.includes(part))
        ? {}
        : null,
    ...extra,
  } as unknown as EventTarget;
}

const body = element();
const key = (k: string, target: EventTarget = body, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  target,
  ...mods,
});

function command(id: string, shortcut: string[]): PaletteCommand {
  return { id, title: id, section: 'Navigation', shortcut, run: vi.fn() };
}

const commands = [
  command('palette', ['Mod+k']),
  command('help', ['?']),
  command('containers', ['g', 'c']),
  command('images', ['g', 'i']),
  command('logs', ['l']),
  command('inspect', ['i']),
];

describe('chordOf', () => {
  it('names Ctrl (elsewhere) or ⌘ (Mac) as Mod, and ignores the other one', () => {
    expect(chordOf(key('k', body, { ctrlKey: true }), false)).toBe('Mod+k');
    expect(chordOf(key('k', body, { metaKey: true }), true)).toBe('Mod+k');
    expect(chordOf(key('k', body, { metaKey: true }), false)).toBe('');
    expect(chordOf(key('?', body, { shiftKey: true }), false)).toBe('?');
    expect(chordOf(key('K', body, { shiftKey: true }), false)).toBe('K');
  });
});

describe('ShortcutDispatcher', () => {
  it('runs a single key and a Mod chord on the page', () => {
    const dispatcher = new ShortcutDispatcher(false);
    expect(dispatcher.handle(key('l'), commands, 0)?.id).toBe('logs');
    expect(dispatcher.handle(key('k', body, { ctrlKey: true }), commands, 10)?.id).toBe('palette');
    expect(dispatcher.handle(key('?', body, { shiftKey: true }), commands, 20)?.id).toBe('help');
  });

  it('runs a sequence (g then c), and the second key alone does its own thing', () => {
    const dispatcher = new ShortcutDispatcher(false);
    expect(dispatcher.handle(key('g'), commands, 0)).toBeNull();
    expect(dispatcher.waiting).toBe(true);
    expect(dispatcher.handle(key('i'), commands, 100)?.id).toBe('images');
    expect(dispatcher.handle(key('i'), commands, 200)?.id).toBe('inspect');
  });

  it('forgets the first key of a sequence after a pause', () => {
    const dispatcher = new ShortcutDispatcher(false);
    dispatcher.handle(key('g'), commands, 0);
    expect(dispatcher.handle(key('c'), commands, sequenceMs + 1)).toBeNull();
  });

  it('a key that breaks a sequence starts over: g, x, g, c still goes to containers', () => {
    const dispatcher = new ShortcutDispatcher(false);
    dispatcher.handle(key('g'), commands, 0);
    expect(dispatcher.handle(key('x'), commands, 10)).toBeNull();
    dispatcher.handle(key('g'), commands, 20);
    expect(dispatcher.handle(key('c'), commands, 30)?.id).toBe('containers');
  });

  it('never fires a plain key typed into a field, a text area, an editable element, a menu or a dialog', () => {
    const dispatcher = new ShortcutDispatcher(false);
    for (const inside of [['input'], ['textarea'], ['select'], ['[role="menu"]'], ['[role="dialog"]']])
      expect(dispatcher.handle(key('l', element(inside)), commands, 0)).toBeNull();
    expect(dispatcher.handle(key('l', element([], { isContentEditable: true })), commands, 0)).toBeNull();
    // Typing "gc" in a field is not a sequence either.
    dispatcher.handle(key('g', element(['input'])), commands, 0);
    expect(dispatcher.handle(key('c', element(['input'])), commands, 10)).toBeNull();
  });

  it('opens the palette with Mod+K from a field, but never from the terminal (xterm keeps Ctrl+K)', () => {
    const dispatcher = new ShortcutDispatcher(false);
    expect(dispatcher.handle(key('k', element(['input']), { ctrlKey: true }), commands, 0)?.id).toBe('palette');
    const terminal = element(['textarea', '.xterm']);
    expect(dispatcher.handle(key('k', terminal, { ctrlKey: true }), commands, 10)).toBeNull();
    expect(dispatcher.handle(key('l', terminal), commands, 20)).toBeNull();
  });

  it('ignores held keys, handled events, lone modifiers and browser chords it does not own', () => {
    const dispatcher = new ShortcutDispatcher(false);
    expect(dispatcher.handle(key('l', body, { repeat: true }), commands, 0)).toBeNull();
    expect(dispatcher.handle({ ...key('l'), defaultPrevented: true }, commands, 0)).toBeNull();
    expect(dispatcher.handle(key('Shift', body, { shiftKey: true }), commands, 0)).toBeNull();
    expect(dispatcher.handle(key('l', body, { ctrlKey: true }), commands, 0)).toBeNull();
    expect(dispatcher.handle(key('l', body, { altKey: true }), commands, 0)).toBeNull();
  });
});

describe('resolveShortcut and labels', () => {
  it('says pending for the start of a sequence and none for an unknown key', () => {
    expect(resolveShortcut(commands, ['g']).kind).toBe('pending');
    expect(resolveShortcut(commands, ['z']).kind).toBe('none');
  });

  it('shows Mod as Ctrl or ⌘ and reads sequences as words', () => {
    expect(chordLabel('Mod+k', false)).toEqual(['Ctrl', 'K']);
    expect(chordLabel('Mod+k', true)).toEqual(['⌘', 'K']);
    expect(shortcutText(['g', 'c'], false)).toBe('G then C');
  });
});
