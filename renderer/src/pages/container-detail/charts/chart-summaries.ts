// The one-line text under each chart: the current value against its limit, in the chart's units. Screen
// readers read this instead of the picture, and tests read it too.
import { formatBytes } from '../../../format/bytes';
import { formatCores, formatPercent, formatRate, shareOfLimit } from '../../../format/stats-format';
import type { LatestStats } from '../../../stats/series-store';
import { valueOf } from '../../../stats/series-window';

export type SummaryKind = 'cpu' | 'memory' | 'network' | 'disk' | 'pids';

/** The summary for one chart, prefixed with "Stopped" once the series ended. */
export function chartSummary(kind: SummaryKind, latest: LatestStats | null): string {
  if (!latest) return 'Waiting for the first sample…';
  const text = describers[kind](latest.values);
  return latest.ended ? `Stopped (${latest.ended.reason}). Last: ${text}` : text;
}

const describers: Record<SummaryKind, (values: LatestStats['values']) => string> = {
  cpu(values) {
    const cpu = valueOf(values, 'cpuPercent');
    const cores = valueOf(values, 'cpuLimitCores');
    const throttled = valueOf(values, 'throttledPercent');
    const share = shareOfLimit(cpu, cores === null ? null : cores * 100);
    const limit =
      cores === null ? 'no CPU limit' : `limit ${formatCores(cores)}${share === null ? '' : ` (${share} % of limit)`}`;
    const throttling =
      throttled !== null && throttled > 0 ? ` · throttled in ${Math.round(throttled)} % of periods` : '';
    return `CPU ${formatPercent(cpu)} of one core · ${limit}${throttling}`;
  },
  memory(values) {
    const used = valueOf(values, 'memBytes');
    const limit = valueOf(values, 'memLimitBytes');
    const swap = valueOf(values, 'swapLimitBytes');
    const share = shareOfLimit(used, limit);
    const limitText =
      limit === null
        ? 'no memory limit'
        : `limit ${formatBytes(limit)}${share === null ? '' : ` (${share} % of limit)`}`;
    const swapText = swap === null ? '' : ` · memory + swap limit ${formatBytes(swap)}`;
    return `Memory ${used === null ? '—' : formatBytes(used)} · ${limitText}${swapText}`;
  },
  network: (values) =>
    `Network received ${formatRate(valueOf(values, 'netRxBytesPerSec'))} · sent ${formatRate(valueOf(values, 'netTxBytesPerSec'))}`,
  disk: (values) =>
    `Disk read ${formatRate(valueOf(values, 'blkReadBytesPerSec'))} · written ${formatRate(valueOf(values, 'blkWriteBytesPerSec'))}`,
  pids(values) {
    const pids = valueOf(values, 'pids');
    const limit = valueOf(values, 'pidsLimit');
    return `Processes ${pids === null ? '—' : Math.round(pids)} · ${limit === null ? 'no process limit' : `limit ${Math.round(limit)}`}`;
  },
};
