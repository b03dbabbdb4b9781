// The shape of recorded stats history (days of it, from the core's on-disk store) as the contract carries it:
// rows, oldest first, values in `statsFields` order like ticks, with each field's min and max beside the
// value in downsampled tiers (so a one-second spike survives in the 1-minute tier). Also what the recorder
// says about itself and the alerts it raises.
import type { StatsCollectorKind, StatsValues } from './stats-types';

/** The resolutions history is kept at: 1 s for 15 min, 10 s for 6 h, 1 min for 7 days. */
export type HistoryTierName = '1s' | '10s' | '1m';

export interface HistoryRow {
  /** Epoch ms of the bucket's start. */
  t: number;
  /** One value per field; null = no sample (a gap) or unlimited. */
  v: StatsValues;
  /** Downsampled tiers only: each field's smallest and largest sample in the bucket. */
  min?: StatsValues;
  max?: StatsValues;
}

/** One container's history over a range, at the finest tier that reaches back to its start. */
export interface HistoryRange {
  id: string;
  tier: HistoryTierName;
  stepMs: number;
  rows: HistoryRow[];
}

/**
 * always: every running container of the active engine is recorded at 1 Hz whether or not a window watches
 * (cgroup files or the VM's in-guest collector: cheap). on-demand: only what a window watches (the engine's
 * stats API: one stream per container). off: the user turned recording off in Settings.
 */
export type StatsRecordingMode = 'always' | 'on-demand' | 'off';

export interface StatsRecording {
  mode: StatsRecordingMode;
  /** The collector reading the active engine; null while no engine is connected. */
  collector: StatsCollectorKind | null;
  /** Why this mode, in words for the UI ("cgroup files are cheap to read: every container is recorded"). */
  reason: string;
  /** Containers recorded right now. */
  recording: number;
  /** Bytes the history store takes on disk, and its cap. */
  storeBytes: number;
  storeCapBytes: number;
  /** Days a removed container's history is kept. */
  retentionDays: number;
}

/** One container's use over a range, for the Dashboard's top consumers. */
export interface TopConsumer {
  id: string;
  /** The container's name when it still exists; null for a removed one. */
  name: string | null;
  /** Mean and peak over the range of the field asked for (cpuPercent or memBytes). */
  mean: number;
  max: number;
  /** The limit of that field at the end of the range (cores or bytes); null = unlimited. */
  limit: number | null;
}

export const statsAlertConditions = ['memory', 'throttled', 'oom'] as const;
export type StatsAlertCondition = (typeof statsAlertConditions)[number];

/** A notification the core raises; at most one per container per condition per 10 minutes. */
export interface StatsAlert {
  id: string;
  name: string;
  condition: StatsAlertCondition;
  /** In words: "web has used over 90 % of its 256 MiB memory limit for 30 s". */
  message: string;
  /** Epoch ms. */
  t: number;
}

/** Thresholds for alerts (Settings). */
export interface StatsAlertSettings {
  enabled: boolean;
  /** Alert when memory stays above this % of the container's memory limit … */
  memoryPercent: number;
  /** … for this many seconds. */
  memorySeconds: number;
  /** Alert when the container is throttled in more than this % of CPU periods … */
  throttledPercent: number;
  /** … for this many seconds. */
  throttledSeconds: number;
  /** Alert when a container is OOM-killed. */
  oom: boolean;
}

export const defaultStatsAlertSettings: StatsAlertSettings = {
  enabled: true,
  memoryPercent: 90,
  memorySeconds: 30,
  throttledPercent: 50,
  throttledSeconds: 60,
  oom: true,
};
