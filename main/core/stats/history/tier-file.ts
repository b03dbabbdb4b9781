// Reads and writes one circular tier file (layout in record-codec.ts). Writes are positional and batched: a
// flush's rows go in at most two writes (the batch may wrap past the file's end). The header is written once,
// when the file is made, so a flush never rewrites it; where writing resumes is found from the records.

import { readFile } from 'node:fs/promises';
import { writeAt, type FileHandles } from './file-handles';
import type { HistoryRow } from './history-row';
import {
  decodeRow,
  encodeHeader,
  encodeRecord,
  floatView,
  headerMatches,
  headerSize,
  recordIsValid,
  recordSeq,
  recordSize,
  recordTime,
} from './record-codec';
import type { HistoryTier } from './tiers';

export interface TierFileState {
  /** Seq of the next record; slot = seq % capacity. */
  nextSeq: number;
  /** Time of the newest record on disk: later rows only, so the file stays in time order across restarts. */
  lastT: number;
  /** The file is missing or not in this build's format: the next write starts it afresh. */
  fresh: boolean;
  /** Bytes the file takes now. */
  bytes: number;
}

const emptyState = (): TierFileState => ({ nextSeq: 1, lastT: -Infinity, fresh: true, bytes: 0 });

/** The file's bytes; undefined when it does not exist. */
async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface Slot {
  seq: number;
  offset: number;
}

/**
 * The valid records' slots, oldest first, of the newest lap only (after a wrap a slot may hold a record a full
 * lap older than its neighbours). `keep` looks at a record's time before its crc is checked, so a read of a
 * short range checks and decodes only the records in it.
 */
function validSlots(buffer: Buffer, tier: HistoryTier, size: number, keep: (t: number) => boolean): Slot[] {
  const slots: Slot[] = [];
  for (let offset = headerSize; offset + size <= buffer.length; offset += size) {
    if (!keep(recordTime(buffer, offset)) || !recordIsValid(buffer, offset, size)) continue;
    const seq = recordSeq(buffer, offset);
    // A valid record in the wrong slot is not this file's (a copy or a bug): trust only what lines up.
    if (headerSize + (seq % tier.capacity) * size === offset) slots.push({ seq, offset });
  }
  slots.sort((a, b) => a.seq - b.seq);
  const newest = slots[slots.length - 1];
  return newest ? slots.filter((slot) => slot.seq > newest.seq - tier.capacity) : [];
}

export interface TierFileRead {
  state: TierFileState;
  /** The file existed but had a foreign or older header (it will be replaced). */
  replaced: boolean;
}

/** Where writing resumes in a tier file: its newest valid record. */
export async function readTierState(path: string, tier: HistoryTier, fields: readonly string[]): Promise<TierFileRead> {
  const buffer = await readIfThere(path);
  if (!buffer) return { state: emptyState(), replaced: false };
  if (!headerMatches(buffer, tier, fields)) return { state: { ...emptyState(), bytes: buffer.length }, replaced: true };
  const slots = validSlots(buffer, tier, recordSize(tier, fields.length), () => true);
  const newest = slots[slots.length - 1];
  const state: TierFileState = {
    nextSeq: newest ? newest.seq + 1 : 1,
    lastT: slots.reduce((latest, slot) => Math.max(latest, recordTime(buffer, slot.offset)), -Infinity),
    fresh: false,
    bytes: buffer.length,
  };
  return { state, replaced: false };
}

/** The rows of a tier file with time in [from, to], oldest first; none from a missing or foreign file. */
export async function readTierRows(
  path: string,
  tier: HistoryTier,
  fields: readonly string[],
  from: number,
  to: number,
): Promise<HistoryRow[]> {
  const buffer = await readIfThere(path);
  if (!buffer || !headerMatches(buffer, tier, fields)) return [];
  const width = fields.length;
  const floats = floatView(buffer);
  return validSlots(buffer, tier, recordSize(tier, width), (t) => t >= from && t <= to).map((slot) =>
    decodeRow(buffer, floats, slot.offset, width, tier.keepsRange),
  );
}

/** Appends `rows` (oldest first, all later than `state.lastT`) and updates `state`. */
export async function writeTierRows(
  path: string,
  tier: HistoryTier,
  fields: readonly string[],
  state: TierFileState,
  rows: readonly HistoryRow[],
  handles: FileHandles,
): Promise<void> {
  if (rows.length === 0) return;
  const width = fields.length;
  const size = recordSize(tier, width);
  // More rows than slots: only the newest lap can survive anyway.
  const batch = rows.length > tier.capacity ? rows.slice(rows.length - tier.capacity) : rows;
  const firstSeq = state.nextSeq + (rows.length - batch.length);
  const fd = await handles.get(path, state.fresh);
  try {
    if (state.fresh) await writeAt(fd, encodeHeader(tier, fields), 0);
    const firstSlot = firstSeq % tier.capacity;
    const untilEnd = Math.min(batch.length, tier.capacity - firstSlot);
    for (const [from, to, slot] of [
      [0, untilEnd, firstSlot],
      [untilEnd, batch.length, 0],
    ] as const) {
      if (from === to) continue;
      const buffer = Buffer.allocUnsafe((to - from) * size);
      for (let i = from; i < to; i += 1)
        encodeRecord(buffer, (i - from) * size, firstSeq + i, batch[i]!, width, tier.keepsRange);
      await writeAt(fd, buffer, headerSize + slot * size);
    }
    const reached = headerSize + Math.min(firstSlot + batch.length, tier.capacity) * size;
    state.bytes = state.fresh ? reached : Math.max(state.bytes, reached);
  } catch (error) {
    // A handle that failed once is not trusted again: the next flush opens the file anew.
    await handles.close(path);
    throw error;
  }
  state.fresh = false;
  state.nextSeq = firstSeq + batch.length;
  state.lastT = batch[batch.length - 1]!.t;
}
