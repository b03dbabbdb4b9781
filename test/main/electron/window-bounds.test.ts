import { describe, expect, it } from 'vitest';
import { parseWindowState, restoredBounds } from '../../../main/electron/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };
const saved = (x: number, y: number) => ({ bounds: { x, y, width: 1200, height: 800 }, maximized: false });

describe('the window place', () => {
  it('reads a saved state, and refuses a corrupt, partial or too small one', () => {
    expect(parseWindowState(JSON.stringify(saved(10, 20)))).toEqual(saved(10, 20));
    expect(parseWindowState('{"bounds":')).toBeNull();
    expect(parseWindowState(JSON.stringify({ bounds: { x: 1, y: 2 } }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ bounds: { x: 0, y: 0, width: 200, height: 100 } }))).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });

  it('opens where it was closed while that place is on a screen', () => {
    expect(restoredBounds(saved(1600, 100), [laptop, external])).toEqual(saved(1600, 100).bounds);
  });

  it('falls back to the default place when that screen is gone or the title bar would be off every screen', () => {
    expect(restoredBounds(saved(1600, 100), [laptop])).toBeNull();
    expect(restoredBounds(saved(100, -200), [laptop])).toBeNull();
    expect(restoredBounds(null, [laptop])).toBeNull();
  });
});
