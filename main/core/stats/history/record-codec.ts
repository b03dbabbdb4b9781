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

/** Whether the record at `offset` is whole: its crc matches (not torn, not half overwritten, not never written). */
export function recordIsValid(source: Buffer, offset: number, size: number): boolean {
  const end = offset + size - 4;
  return source.readUInt32LE(end) === crc32(source.subarray(offset, end));
}

export function recordSeq(source: Buffer, offset: number): number {
  return source.readUInt32LE(offset);
}

export function recordTime(source: Buffer, offset: number): number {
  return source.readDoubleLE(offset + 4);
}

/**
 * The row of a valid record. `floats` is a Float32Array over the same bytes when they are 4-byte aligned on a
 * little-endian host (records and the header are multiples of 4 bytes): reading through it allocates
 * nothing per value, which is most of a 7-day read's cost otherwise.
 */
export function decodeRow(
  source: Buffer,
  floats: Float32Array | undefined,
  offset: number,
  width: number,
  keepsRange: boolean,
): HistoryRow {
  const t = recordTime(source, offset);
  const read = (at: number): StatsValues => {
    const values: StatsValues = new Array(width);
    for (let f = 0; f < width; f += 1) {
      const value = floats ? floats[(at >> 2) + f]! : source.readFloatLE(at + 4 * f);
      values[f] = value !== value ? null : value; // NaN is null
    }
    return values;
  };
  const at = offset + 12;
  if (!keepsRange) return { t, v: read(at) };
  return { t, v: read(at), min: read(at + 4 * width), max: read(at + 8 * width) };
}

/** A Float32Array view of `source` when one can be read directly, else undefined (see decodeRow). */
export function floatView(source: Buffer): Float32Array | undefined {
  if (source.byteOffset % 4 !== 0 || !littleEndianHost) return undefined;
  return new Float32Array(source.buffer, source.byteOffset, source.length >> 2);
}

const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
