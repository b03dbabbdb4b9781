// Channels of recorded stats history: the recorder's mode, ranges of days of history per container, the
// Dashboard's top consumers over a range, and export as CSV or JSON.
import { z } from 'zod';
import type { HistoryRange, StatsRecording, TopConsumer } from '../stats-history-types';
import { channel, containerRef, none } from './channel-kit';

/** Epoch ms, from 2020 to 2100: a range's ends. */
const epochMs = z
  .number()
  .int()
  .min(Date.UTC(2020, 0, 1))
  .max(Date.UTC(2100, 0, 1));

const statsRangeRequest = z
  .object({
    /** Containers (full or short ids, or names; removed containers by full id). */
    ids: z.array(containerRef).min(1).max(500),
    from: epochMs,
    /** Absent: now. */
    to: epochMs.optional(),
  })
  .strict()
  .refine((request) => request.to === undefined || request.to > request.from, {
    message: 'to must be after from',
    path: ['to'],
  });

const statsTopRequest = z
  .object({
    from: epochMs,
    to: epochMs.optional(),
    by: z.enum(['cpu', 'memory']),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

const statsExportRequest = z
  .object({
    ids: z.array(containerRef).min(1).max(500),
    from: epochMs,
    to: epochMs.optional(),
    format: z.enum(['csv', 'json']),
  })
  .strict();

/** Alert thresholds as Settings saves them (the settings file and `settings:update` both use this). */
export const statsAlertSettingsSchema = z
  .object({
    enabled: z.boolean(),
    memoryPercent: z.number().int().min(10).max(100),
    memorySeconds: z.number().int().min(5).max(3600),
    throttledPercent: z.number().int().min(10).max(100),
    throttledSeconds: z.number().int().min(5).max(3600),
    oom: z.boolean(),
  })
  .strict();

/** Days a removed container's history is kept. */
export const historyRetentionDaysSchema = z.number().int().min(1).max(90);

/** The most the whole history store may take on disk, MiB: from about 7 containers' full history to 64 GiB. */
export const historyCapMiBSchema = z.number().int().min(16).max(65_536);

export const statsHistoryChannels = {
  /** How the active engine's containers are recorded (always, on demand, off) and how big the store is. */
  'stats:recording': channel<typeof none, StatsRecording>(none),
  /** Recorded history of each container asked for (one entry per id found; unknown ids are left out). */
  'stats:range': channel<typeof statsRangeRequest, HistoryRange[]>(statsRangeRequest),
  /** The containers that used the most CPU or memory over the range (mean), with their peaks and limits. */
  'stats:top': channel<typeof statsTopRequest, TopConsumer[]>(statsTopRequest),
  /** The history of the containers asked for as one file: CSV (one header, an `id` column) or JSON. */
  'stats:export': channel<typeof statsExportRequest, { filename: string; text: string }>(statsExportRequest),
} as const;
