// The Chromium switches the Electron shell sets before the app is ready. Kept apart from main.ts (a type-only
// Electron import) so a plain-Node test checks it and `npm run bench:ops` launches its Chromium the same way.
import type { App } from 'electron';

/** Chromium features the shell turns off, each for a measured reason. */
export const disabledChromiumFeatures = [
  // After a keystroke Chromium holds back the page's other tasks (a WebSocket message, a timer) until it has
  // rendered the next frame, to answer the input first. When the page has a frame to draw after a key press
  // (a blinking cursor, output scrolling by), a terminal's echo lands in that wait and is drawn a frame later:
  // bench:ops measured keystroke → echo painted 30 ms with the deferral, 13-19 ms without (blinking cursor).
  'DeferRendererTasksAfterInput',
] as const;

/** The same switches as command-line arguments, for a Chromium launched outside Electron (the benchmarks). */
export const chromiumSwitchArgs = [`--disable-features=${disabledChromiumFeatures.join(',')}`];

export function applyChromiumSwitches(app: Pick<App, 'commandLine'>): void {
  app.commandLine.appendSwitch('disable-features', disabledChromiumFeatures.join(','));
}
