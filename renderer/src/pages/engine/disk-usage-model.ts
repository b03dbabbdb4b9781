// `docker system df` as rows for the Engine page: what each kind of object counts, takes and could give back.
// Pure, so the formatting is tested without an engine.
import type { DiskUsageRow, EngineDiskUsage } from '@shared/engine-manager-types';
import { formatBytes } from '../../format/bytes';

export interface DiskUsageLine {
  label: string;
  /** `12 (3 in use)`; containers say running. */
  count: string;
  size: string;
  /** `1.2 GiB (40%)`. */
  reclaimable: string;
}

const rows: ReadonlyArray<{ key: keyof EngineDiskUsage; label: string; active: string }> = [
  { key: 'images', label: 'Images', active: 'in use' },
  { key: 'containers', label: 'Containers', active: 'running' },
  { key: 'volumes', label: 'Volumes', active: 'in use' },
  { key: 'buildCache', label: 'Build cache', active: 'in use' },
];

export function diskUsageLines(usage: EngineDiskUsage): DiskUsageLine[] {
  return rows.map(({ key, label, active }) => describeRow(label, active, usage[key]));
}

export function describeRow(label: string, activeWord: string, row: DiskUsageRow): DiskUsageLine {
  const count = row.count === 0 ? '0' : `${row.count} (${row.active} ${activeWord})`;
  return { label, count, size: formatBytes(row.sizeBytes), reclaimable: reclaimableText(row) };
}

function reclaimableText(row: DiskUsageRow): string {
  if (row.reclaimableBytes <= 0 || row.sizeBytes <= 0) return formatBytes(Math.max(0, row.reclaimableBytes));
  const percent = Math.round((Math.min(row.reclaimableBytes, row.sizeBytes) / row.sizeBytes) * 100);
  return `${formatBytes(row.reclaimableBytes)} (${percent}%)`;
}
