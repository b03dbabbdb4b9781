// Remembers the window's place: read from userData/window-state.json when it opens, written (debounced)
// while it moves or resizes and when it closes.
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logger';
import { defaultWindowSize, parseWindowState, restoredBounds, type SavedWindowState } from './window-bounds';

const stateFile = () => join(app.getPath('userData'), 'window-state.json');

/** The bounds to open with (size only when nothing usable was saved) and whether to maximise. */
export function initialWindowPlace(): { bounds: Partial<Rectangle>; maximized: boolean } {
  let text: string | null = null;
  try {
    text = readFileSync(stateFile(), 'utf8');
  } catch {
    // First start, or the file went away: the default place.
  }
  const saved = parseWindowState(text);
  const bounds = restoredBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  return { bounds: bounds ?? defaultWindowSize, maximized: bounds !== null && saved!.maximized };
}

export function rememberWindowPlace(window: BrowserWindow, log: Logger): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    // getNormalBounds: the size to come back to after un-maximising, not the maximised one.
    const state: SavedWindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(stateFile(), JSON.stringify(state));
    } catch (error) {
      log.warn(`[app] could not remember the window's place: ${(error as Error).message}`);
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('move', later);
  window.on('resize', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
}
