// How recording is described to people: the Stats tab's status line ("Recorded always · cgroup files") and
// the Engine page's facts (store size of its cap, retention).
import type { StatsRecording } from '@shared/stats-history-types';
import type { StatsCollectorKind } from '@shared/stats-types';
import { formatBytes } from '../../format/bytes';

const modeText = {
  always: 'Recorded always',
  'on-demand': 'Recorded while watched',
  off: 'Not recorded',
} as const;

const collectorText: Record<StatsCollectorKind, string> = {
  cgroup: 'cgroup files',
  api: 'engine API',
  guest: 'in-VM collector',
};

/** "Recorded always · cgroup files", "Recorded while watched · engine API", "Not recorded". */
export function recordingLine(recording: StatsRecording): string {
  const mode = modeText[recording.mode];
  return recording.mode === 'off' || recording.collector === null
    ? mode
    : `${mode} · ${collectorText[recording.collector]}`;
}

/** "12.4 MiB of 512 MiB", "kept 7 days after removal". */
export function storeLine(recording: StatsRecording): string {
  return `${formatBytes(recording.storeBytes)} of ${formatBytes(recording.storeCapBytes)}`;
}

export function retentionLine(recording: StatsRecording): string {
  const days = recording.retentionDays;
  return `History of removed containers kept ${days} ${days === 1 ? 'day' : 'days'}`;
}
