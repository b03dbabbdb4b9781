// Live stats for people: CPU in % of one core (as `docker stats`) and limits in cores, memory in binary
// units (MiB, GiB), rates per second. Unknown values show as an em dash rather than a misleading zero.
import { formatBytes } from './bytes';

/** `12.5 %`: one decimal below 1000 %, so a busy column does not jump between widths. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const shown = Math.max(0, value);
  return `${shown >= 1000 ? Math.round(shown) : shown.toFixed(1)} %`;
}

/** `0.5 cores`, `1 core`, `1.25 cores`: at most two decimals, trailing zeros dropped. */
export function formatCores(cores: number | null | undefined): string {
  if (cores === null || cores === undefined || !Number.isFinite(cores)) return '—';
  const text = String(Number(cores.toFixed(2)));
  return `${text} ${text === '1' ? 'core' : 'cores'}`;
}

/** `1.2 KiB/s`. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (bytesPerSecond === null || bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond)) return '—';
  // Below 1 KiB formatBytes shows bytes as given; a rate is rarely a whole number of them.
  return `${formatBytes(Math.round(Math.max(0, bytesPerSecond)))}/s`;
}

/** `48.2 MiB / 512 MiB`, or `48.2 MiB` when there is no limit. */
export function formatMemoryUsage(usedBytes: number | null, limitBytes: number | null): string {
  if (usedBytes === null) return '—';
  return limitBytes === null ? formatBytes(usedBytes) : `${formatBytes(usedBytes)} / ${formatBytes(limitBytes)}`;
}

/** How much of a limit is used, `96 %`, rounded to whole percent; null without a usable limit. */
export function shareOfLimit(used: number | null, limit: number | null): number | null {
  if (used === null || limit === null || !(limit > 0)) return null;
  return Math.round((used / limit) * 100);
}
