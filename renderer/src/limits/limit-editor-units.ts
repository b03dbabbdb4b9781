// How the limits editor enters values: the CPU slider's stops and memory typed in MiB or GiB. The units and
// bounds the core applies too (minimums, page size, how values read in messages) are
// main/shared/limits/limit-units.ts.
import { GiB, MiB, PAGE_BYTES } from '@shared/limits/limit-units';

/** The CPU slider's smallest stop: finer than this is typed. */
export const CPU_SLIDER_MIN = 0.05;
export const CPU_SLIDER_STEP = 0.05;

export type MemoryUnit = 'MiB' | 'GiB';

export const unitBytes: Record<MemoryUnit, number> = { MiB, GiB };

/** A number typed in `unit` as bytes, whole pages so what is read back matches (128 MiB stays exactly 128 MiB). */
export function toBytes(value: number, unit: MemoryUnit): number {
  return Math.round((value * unitBytes[unit]) / PAGE_BYTES) * PAGE_BYTES;
}

/** Bytes as a number in `unit`, to at most 3 decimals (what the number field shows). */
export function fromBytes(bytes: number, unit: MemoryUnit): number {
  return Math.round((bytes / unitBytes[unit]) * 1000) / 1000;
}

/** The unit a memory value reads best in: GiB from 1 GiB up, else MiB. */
export function preferredUnit(bytes: number | null): MemoryUnit {
  return bytes !== null && bytes >= GiB ? 'GiB' : 'MiB';
}
