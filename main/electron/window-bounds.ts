// Where Berth's window opens: where it was last closed, if that place is still on a screen (a monitor may
// have been unplugged since), else the default size centred by Electron. Pure: the window code feeds it the
// saved state and the displays' work areas, so a plain-Node test can check it.
import type { Rectangle } from 'electron';

export interface SavedWindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1280, height: 820 };
export const minimumWindowSize = { width: 900, height: 560 };

/** Parses what window-state.json holds; null when it is not a usable state (missing, corrupt, too small). */
export function parseWindowState(text: string | null): SavedWindowState | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SavedWindowState>;
    const bounds = value.bounds;
    const numbers = bounds && [bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite);
    if (!numbers || bounds.width < minimumWindowSize.width || bounds.height < minimumWindowSize.height) return null;
    return { bounds, maximized: value.maximized === true };
  } catch {
    return null;
  }
}

/** The saved bounds when at least a 100 × 50 corner of the title bar lands on some display's work area. */
export function restoredBounds(saved: SavedWindowState | null, workAreas: readonly Rectangle[]): Rectangle | null {
  if (!saved) return null;
  const { x, y, width } = saved.bounds;
  const titleBar = { x, y, width, height: 50 };
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const overlapY = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
  return visible ? saved.bounds : null;
}
