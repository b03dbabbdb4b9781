// The binary layout of a tier file: a 32-byte header, then `capacity` fixed-size record slots. A record is
//   seq u32 | t f64 (epoch ms) | values f32 x width [| min f32 x width | max f32 x width] | crc32 u32
// little-endian, the crc over everything before it. Float32 keeps 24 bits of mantissa: a memory figure of
// 16 GiB is off by at most 1 KiB, far below what a chart shows; null is stored as NaN. A torn record (crash mid-
// write) fails its crc and is ignored; slot = seq % capacity, so the newest valid seq tells where writing resumes.

import { crc32 } from 'node:zlib';
import type { StatsValues } from '../../../shared/stats-types';
import type { HistoryRow } from './history-row';
import type { HistoryTier } from './tiers';

export const headerSize = 32;
const magic = 0x48534842; // "BHSH" little-endian: Berth history
export const formatVersion = 1;

export function fieldsHash(fields: readonly string[]): number {
  return crc32(fields.join(','));
}

export function recordSize(tier: HistoryTier, width: number): number {
  return 4 + 8 + 4 * width * (tier.keepsRange ? 3 : 1) + 4;
}

/** Bytes a tier file reaches once full: its cap, by construction. */
export function tierFileMaxBytes(tier: HistoryTier, width: number): number {
  return headerSize + tier.capacity * recordSize(tier, width);
}

export function encodeHeader(tier: HistoryTier, fields: readonly string[]): Buffer {
  const buffer = Buffer.alloc(headerSize);
  buffer.writeUInt32LE(magic, 0);
  buffer.writeUInt32LE(formatVersion, 4);
  buffer.writeUInt32LE(fieldsHash(fields), 8);
  buffer.writeUInt32LE(tier.capacity, 12);
  buffer.writeUInt32LE(recordSize(tier, fields.length), 16);
  buffer.writeUInt32LE(tier.stepMs, 20);
  buffer.writeUInt32LE(tier.keepsRange ? 1 : 0, 24);
  buffer.writeUInt32LE(crc32(buffer.subarray(0, 28)), 28);
  return buffer;
}

/** Whether `buffer` starts with the header this build would write; anything else is an older or foreign file. */
export function headerMatches(buffer: Buffer, tier: HistoryTier, fields: readonly string[]): boolean {
  return buffer.length >= headerSize && encodeHeader(tier, fields).equals(buffer.subarray(0, headerSize));
}

export function encodeRecord(
  target: Buffer,
  offset: number,
  seq: number,
  row: HistoryRow,
  width: number,
  keepsRange: boolean,
): void {
  target.writeUInt32LE(seq >>> 0, offset);
  target.writeDoubleLE(row.t, offset + 4);
  let at = offset + 12;
  const write = (values: StatsValues) => {
    for (let f = 0; f < width; f += 1, at += 4) target.writeFloatLE(values[f] ?? Number.NaN, at);
  };
  write(row.v);
  if (keepsRange) {
    write(row.min ?? row.v);
    write(row.max ?? row.v);
  }
  target.writeUInt32LE(crc32(target.subarray(offset, at)), at);
}

export interface DecodedRecord {
  seq: number;
  row: HistoryRow;
}

/** The record at `offset`, or undefined when its crc fails (torn, never written, or overwritten mid-way). */
export function decodeRecord(
  source: Buffer,
  offset: number,
  size: number,
  width: number,
  keepsRange: boolean,
): DecodedRecord | undefined {
  const end = offset + size - 4;
  if (source.readUInt32LE(end) !== crc32(source.subarray(offset, end))) return undefined;
  const seq = source.readUInt32LE(offset);
  const t = source.readDoubleLE(offset + 4);
  let at = offset + 12;
  const read = (): StatsValues => {
    const values: StatsValues = new Array(width);
    for (let f = 0; f < width; f += 1, at += 4) {
      const value = source.readFloatLE(at);
      values[f] = Number.isNaN(value) ? null : value;
    }
    return values;
  };
  const v = read();
  if (!keepsRange) return { seq, row: { t, v } };
  const min = read();
  return { seq, row: { t, v, min, max: read() } };
}
