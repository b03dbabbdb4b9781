// The chart palette, read from the theme's CSS variables (--chart-*) and read again when the theme
// changes: recharts draws with SVG attributes, which do not resolve var() reliably.
import { useSyncExternalStore } from 'react';

const names = [
  'cpu',
  'mem',
  'rx',
  'tx',
  'read',
  'write',
  'pids',
  'limit',
  'swap',
  'throttle',
  'oom',
  'ended',
  'grid',
  'axis',
] as const;

export type ChartColors = Record<(typeof names)[number], string>;

let cached: { theme: string | undefined; colors: ChartColors } | null = null;

function read(): ChartColors {
  const root = document.documentElement;
  if (cached && cached.theme === root.dataset.theme) return cached.colors;
  const style = getComputedStyle(root);
  const colors = Object.fromEntries(
    names.map((name) => [name, style.getPropertyValue(`--chart-${name}`).trim() || 'currentColor']),
  ) as ChartColors;
  cached = { theme: root.dataset.theme, colors };
  return colors;
}

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useChartColors(): ChartColors {
  return useSyncExternalStore(subscribe, read);
}
