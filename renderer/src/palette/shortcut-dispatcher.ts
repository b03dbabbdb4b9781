// Turns key presses into commands: keeps the chords of a sequence in progress (`g` … `c`) for a moment, and
// stays quiet where keys belong to something else (typing, the terminal, menus and dialogs, held keys).
import type { PaletteCommand } from './command-types';
import { chordOf, isTypingTarget, resolveShortcut } from './shortcuts';

/** How long the first key of a sequence waits for the next. */
export const sequenceMs = 1500;

type KeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'target'> & {
  defaultPrevented?: boolean;
};

/** Menus and list boxes use letters to jump to items; dialogs have their own keys. */
function inOwnKeyWidget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return element.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]') !== null;
}

export class ShortcutDispatcher {
  private pressed: string[] = [];
  private lastAt = 0;

  constructor(private readonly mac: boolean) {}

  /** The command this key press runs, or null (the key is then left to the page). */
  handle(event: KeyEvent, commands: readonly PaletteCommand[], now: number): PaletteCommand | null {
    if (event.defaultPrevented || event.repeat) return null;
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return null;
    const chord = chordOf(event, this.mac);
    if (chord === '') return this.reset();
    const withMod = chord.startsWith('Mod+');
    // The terminal gets every key (Ctrl+K erases a line in a shell); fields keep plain keys for typing.
    const target = event.target as HTMLElement | null;
    if (target && typeof target.closest === 'function' && target.closest('.xterm')) return this.reset();
    if (!withMod && (isTypingTarget(event.target) || inOwnKeyWidget(event.target))) return this.reset();
    if (now - this.lastAt > sequenceMs) this.pressed = [];
    this.pressed.push(chord);
    this.lastAt = now;
    let outcome = resolveShortcut(commands, this.pressed);
    // A key that does not continue the sequence may start a new one.
    if (outcome.kind === 'none' && this.pressed.length > 1) {
      this.pressed = [chord];
      outcome = resolveShortcut(commands, this.pressed);
    }
    if (outcome.kind === 'run') {
      this.pressed = [];
      return outcome.command;
    }
    if (outcome.kind === 'none') this.pressed = [];
    return null;
  }

  /** Whether a sequence is under way (its first key should not reach the page). */
  get waiting(): boolean {
    return this.pressed.length > 0;
  }

  private reset(): null {
    this.pressed = [];
    return null;
  }
}
