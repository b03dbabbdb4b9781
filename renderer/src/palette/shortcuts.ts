// Keyboard shortcuts: matching a key press against a command's chord sequence, showing a shortcut, and the
// rule for when single-key shortcuts must stay quiet (typing in a field, the terminal, an open dialog).
import type { PaletteCommand, Shortcut } from './command-types';

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys pressed while the user types somewhere, or inside the terminal (xterm reads them itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .xterm') !== null;
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The chord a key press makes: `Mod+k`, `?`, `g`, `Alt+x`. Shift is in the key itself (`?`, `G`). */
export function chordOf(event: KeyPress, mac = isMac()): string {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  // Keys with Ctrl on a Mac (or ⌘ elsewhere) are never Berth's.
  if (other) return '';
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // A shifted letter stays distinct (`K`), a shifted symbol is its own key (`?`).
  const shown = event.shiftKey && /^[a-z]$/.test(key) ? key.toUpperCase() : key;
  return `${mod ? 'Mod+' : ''}${event.altKey ? 'Alt+' : ''}${shown}`;
}

/** Whether a shortcut is a single key without Mod (those must not fire while typing). */
export const isPlainKey = (shortcut: Shortcut) => !shortcut.some((chord) => chord.startsWith('Mod+'));

export type ShortcutOutcome = { kind: 'run'; command: PaletteCommand } | { kind: 'pending' } | { kind: 'none' };

/**
 * What the chords pressed so far (`pressed`, the newest last) do: run a command whose shortcut they complete,
 * wait for the next key when they begin one (`g` of `g c`), or nothing.
 */
export function resolveShortcut(commands: readonly PaletteCommand[], pressed: readonly string[]): ShortcutOutcome {
  let pending = false;
  for (const command of commands) {
    const shortcut = command.shortcut;
    if (!shortcut) continue;
    if (shortcut.length === pressed.length && shortcut.every((chord, i) => chord === pressed[i]))
      return { kind: 'run', command };
    if (shortcut.length > pressed.length && pressed.every((chord, i) => chord === shortcut[i])) pending = true;
  }
  return pending ? { kind: 'pending' } : { kind: 'none' };
}

/** How a chord is shown: `Ctrl K` / `⌘ K`, `G`, `?`. */
export function chordLabel(chord: string, mac = isMac()): string[] {
  return chord.split('+').map((part) => {
    if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
    if (part === 'Alt') return mac ? '⌥' : 'Alt';
    if (part === 'Delete') return 'Del';
    return part.length === 1 ? part.toUpperCase() : part;
  });
}

/** A shortcut as words for screen readers and tooltips: "G then C", "Ctrl K". */
export function shortcutText(shortcut: Shortcut, mac = isMac()): string {
  return shortcut.map((chord) => chordLabel(chord, mac).join(' ')).join(' then ');
}
