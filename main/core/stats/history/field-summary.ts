// One field's mean, peak and last limit over a range of a tier file, read straight from the records without
// decoding rows: what the Dashboard's top consumers need of every container over days. Decoding a week of
// 1-minute rows builds 39 values a row; for 100 containers that took about 4 s (bench/stats-top.ts), this scan
// reads three floats a record. Records are checked (crc, newest lap) as readTierRows checks them.
import { readFile } from 'node:fs/promises';
import { statsFields } from '../../../shared/stats-types';
import type { ContainerHistory } from './container-history';
import type { HistoryRow } from './history-row';
import { floatView, headerMatches, headerSize, recordIsValid, recordSeq, recordSize, recordTime } from './record-codec';
import type { HistoryTier } from './tiers';

export interface FieldSummary {
  sum: number;
  /** Rows with a value of the field (gaps and nulls are not counted). */
  count: number;
  max: number;
  /** The limit field's value in the newest row with a value; null = unlimited. */
  limit: number | null;
  /** Time of that newest row; -Infinity before any. */
  lastT: number;
}

/** A range and the field summed (with the field whose last value is its limit), as `statsFields` indices. */
export interface SummaryRange {
  from: number;
  to: number;
  field: number;
  limitField: number;
}

export const emptySummary = (): FieldSummary => ({ sum: 0, count: 0, max: -Infinity, limit: null, lastT: -Infinity });

/** Adds one row's values; `peak` is the row's max of the field (the value itself in the 1 s tier). */
function add(summary: FieldSummary, t: number, value: number | null, peak: number | null, limit: number | null) {
  if (value === null) return;
  summary.sum += value;
  summary.count += 1;
  summary.max = Math.max(summary.max, peak ?? value);
  if (t >= summary.lastT) {
    summary.lastT = t;
    summary.limit = limit;
  }
}

/** A container's rows of one tier in the range: the file's, then those in memory (newer than the file's newest). */
export async function summarizeContainer(
  container: ContainerHistory,
  tier: HistoryTier,
  tierIndex: number,
  range: SummaryRange,
): Promise<FieldSummary> {
  const { field, limitField } = range;
  // Memory first, as HistoryStore.read: a flush landing meanwhile moves rows from memory to the file.
  const memory = container.memoryRows(tierIndex);
  const disk = await summarizeTierFile(container.filePath(tier), tier, statsFields, range);
  const inRange = (row: HistoryRow) => row.t > disk.newestT && row.t >= range.from && row.t <= range.to;
  for (const row of memory.filter(inRange))
    add(disk.summary, row.t, row.v[field] ?? null, row.max?.[field] ?? null, row.v[limitField] ?? null);
  return disk.summary;
}

/** The summary of one field over the records of a tier file with time in [from, to]; empty for a missing file. */
export async function summarizeTierFile(
  path: string,
  tier: HistoryTier,
  fields: readonly string[],
  range: SummaryRange,
): Promise<{ summary: FieldSummary; newestT: number }> {
  const { field, limitField } = range;
  const summary = emptySummary();
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { summary, newestT: -Infinity };
    throw error;
  }
  if (!headerMatches(buffer, tier, fields)) return { summary, newestT: -Infinity };
  const width = fields.length;
  const size = recordSize(tier, width);
  const offsets: number[] = [];
  const seqs: number[] = [];
  let newestSeq = -1;
  for (let offset = headerSize; offset + size <= buffer.length; offset += size) {
    const t = recordTime(buffer, offset);
    if (!(t >= range.from && t <= range.to) || !recordIsValid(buffer, offset, size)) continue;
    const seq = recordSeq(buffer, offset);
    if (headerSize + (seq % tier.capacity) * size !== offset) continue;
    offsets.push(offset);
    seqs.push(seq);
    newestSeq = Math.max(newestSeq, seq);
  }
  const floats = floatView(buffer);
  const float = (at: number): number | null => {
    const value = floats ? floats[at >> 2]! : buffer.readFloatLE(at);
    return value !== value ? null : value; // NaN is null
  };
  let newestT = -Infinity;
  offsets.forEach((offset, index) => {
    // Only the newest lap, as readTierRows: an older record left in a skipped slot is not part of the range.
    if (seqs[index]! <= newestSeq - tier.capacity) return;
    const t = recordTime(buffer, offset);
    newestT = Math.max(newestT, t);
    const values = offset + 12;
    const peak = tier.keepsRange ? float(values + 4 * (2 * width + field)) : null;
    add(summary, t, float(values + 4 * field), peak, float(values + 4 * limitField));
  });
  return { summary, newestT };
}
