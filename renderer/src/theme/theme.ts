// The colour theme: the user's preference (system, light, dark) kept in localStorage, and the resolved
// theme written to <html data-theme>, following the system's `prefers-color-scheme` when asked to.
import { createStore, type ReadableStore } from '../lib/store';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

const storageKey = 'berth.theme';
const preferences: readonly ThemePreference[] = ['system', 'light', 'dark'];

function readStored(): ThemePreference {
  try {
    const stored = localStorage.getItem(storageKey);
    return preferences.includes(stored as ThemePreference) ? (stored as ThemePreference) : 'system';
  } catch (error) {
    console.warn('[theme] cannot read the saved theme; using the system theme', error);
    return 'system';
  }
}

const store = createStore<ThemePreference>(readStored());
export const themePreference: ReadableStore<ThemePreference> = store;

export function setThemePreference(preference: ThemePreference): void {
  store.set(preference);
  try {
    localStorage.setItem(storageKey, preference);
  } catch (error) {
    console.warn('[theme] cannot save the theme; it applies until Berth closes', error);
  }
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/** Keeps `data-theme` current; call once at start-up, before the first render, to avoid a flash. */
export function applyTheme(root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const update = () => {
    root.dataset.theme = resolveTheme(store.get(), media.matches);
  };
  update();
  const stop = store.subscribe(update);
  media.addEventListener('change', update);
  return () => {
    stop();
    media.removeEventListener('change', update);
  };
}
