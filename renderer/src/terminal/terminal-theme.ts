// The terminal's colours in Berth's light and dark themes (xterm.js takes colours, not CSS variables), and a
// subscription to the theme so an open terminal follows a switch.
import type { ITheme } from '@xterm/xterm';

const light: ITheme = {
  background: '#ffffff',
  foreground: '#1d2329',
  cursor: '#1d2329',
  cursorAccent: '#ffffff',
  selectionBackground: '#b9d3fb',
  black: '#1d2329',
  red: '#c62828',
  green: '#2e7d32',
  yellow: '#9a6700',
  blue: '#1f5fbf',
  magenta: '#8e3fa6',
  cyan: '#0e7490',
  white: '#8a949e',
  brightBlack: '#5d6873',
  brightRed: '#d73a49',
  brightGreen: '#22863a',
  brightYellow: '#b08800',
  brightBlue: '#1f6feb',
  brightMagenta: '#a347ba',
  brightCyan: '#1b7c83',
  brightWhite: '#c5ccd4',
};

const dark: ITheme = {
  background: '#111418',
  foreground: '#e4e7eb',
  cursor: '#e4e7eb',
  cursorAccent: '#111418',
  selectionBackground: '#2f4a70',
  black: '#3c4550',
  red: '#ff7b7b',
  green: '#4cc674',
  yellow: '#f0b43c',
  blue: '#6ea8ff',
  magenta: '#d68cf0',
  cyan: '#5ccfe6',
  white: '#c3cbd4',
  brightBlack: '#6f7a86',
  brightRed: '#ff9d9d',
  brightGreen: '#7ee2a0',
  brightYellow: '#ffd479',
  brightBlue: '#9cc4ff',
  brightMagenta: '#e6b0ff',
  brightCyan: '#8de6f5',
  brightWhite: '#ffffff',
};

export function terminalTheme(root: HTMLElement = document.documentElement): ITheme {
  return root.dataset.theme === 'dark' ? dark : light;
}

/** Calls `listener` with the new colours whenever <html data-theme> changes. */
export function onThemeChange(listener: (theme: ITheme) => void, root: HTMLElement = document.documentElement) {
  const observer = new MutationObserver(() => listener(terminalTheme(root)));
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
