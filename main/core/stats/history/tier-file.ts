// Reads and writes one circular tier file (layout in record-codec.ts). Writes are positional and batched: a
// flush's rows go in at most two writes (the batch may wrap past the file's end). The header is written once,
// when the file is made, so a flush never rewrites it; where writing resumes is found from the records.

import { open, readFile } from 'node:fs/promises';
import type { HistoryRow } from './history-row';
import {
  decodeRecord,
  encodeHeader,
  encodeRecord,
  headerMatches,
  headerSize,
  recordSize,
  type DecodedRecord,
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

export interface TierFileContents {
  state: TierFileState;
  /** Valid records, oldest first. */
  records: DecodedRecord[];
  /** The file existed but had a foreign or older header (it will be replaced). */
  replaced: boolean;
}

const emptyState = (): TierFileState => ({ nextSeq: 1, lastT: -Infinity, fresh: true, bytes: 0 });

export async function readTierFile(
  path: string,
  tier: HistoryTier,
  fields: readonly string[],
): Promise<TierFileContents> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: emptyState(), records: [], replaced: false };
    throw error;
  }
  if (!headerMatches(buffer, tier, fields))
    return { state: { ...emptyState(), bytes: buffer.length }, records: [], replaced: true };
  const width = fields.length;
  const size = recordSize(tier, width);
  const records: DecodedRecord[] = [];
  for (let offset = headerSize; offset + size <= buffer.length; offset += size) {
    const record = decodeRecord(buffer, offset, size, width, tier.keepsRange);
    // A valid record in the wrong slot is not this file's (a copy or a bug): trust only what lines up.
    if (record && headerSize + (record.seq % tier.capacity) * size === offset) records.push(record);
  }
  records.sort((a, b) => a.seq - b.seq);
  const newest = records[records.length - 1];
  // After a wrap, a slot may hold a record a full lap older than its neighbours: keep the last lap only.
  const kept = newest ? records.filter((record) => record.seq > newest.seq - tier.capacity) : [];
  const state: TierFileState = {
    nextSeq: newest ? newest.seq + 1 : 1,
    lastT: kept.reduce((latest, record) => Math.max(latest, record.row.t), -Infinity),
    fresh: false,
    bytes: buffer.length,
  };
  return { state, records: kept, replaced: false };
}

/** Appends `rows` (oldest first, all later than `state.lastT`) and updates `state`. */
export async function writeTierRows(
  path: string,
  tier: HistoryTier,
  fields: readonly string[],
  state: TierFileState,
  rows: readonly HistoryRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const width = fields.length;
  const size = recordSize(tier, width);
  // More rows than slots: only the newest lap can survive anyway.
  const batch = rows.length > tier.capacity ? rows.slice(rows.length - tier.capacity) : rows;
  const firstSeq = state.nextSeq + (rows.length - batch.length);
  const handle = await open(path, state.fresh ? 'w+' : 'r+');
  try {
    if (state.fresh) await handle.write(encodeHeader(tier, fields), 0, headerSize, 0);
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
      await handle.write(buffer, 0, buffer.length, headerSize + slot * size);
    }
    const reached = headerSize + Math.min(firstSlot + batch.length, tier.capacity) * size;
    state.bytes = state.fresh ? reached : Math.max(state.bytes, reached);
  } finally {
    await handle.close();
  }
  state.fresh = false;
  state.nextSeq = firstSeq + batch.length;
  state.lastT = batch[batch.length - 1]!.t;
}
