// Units, bounds and wording of resource limits in the renderer. The bounds and the wording of values in
// messages mirror the core's (main/core/limits/limit-units.ts, which the renderer may not import), so an
// inline message reads exactly like the core's refusal; test/renderer/limits checks that they agree.

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** Docker refuses memory limits and reservations below 6 MiB. */
export const MIN_MEMORY_BYTES = 6 * MiB;
/** The kernel refuses CFS quotas under 1 ms per 100 ms period. */
export const MIN_CPUS = 0.01;
/** The CPU slider's smallest stop: finer than this is typed. */
export const CPU_SLIDER_MIN = 0.05;
export const CPU_SLIDER_STEP = 0.05;
export const DEFAULT_CPU_SHARES = 1024;
export const MIN_CPU_SHARES = 2;
export const MAX_CPU_SHARES = 262144;
/** The kernel counts memory in pages: values typed in GiB are rounded to one, so what is read back matches. */
export const PAGE_BYTES = 4096;

export type MemoryUnit = 'MiB' | 'GiB';

export const unitBytes: Record<MemoryUnit, number> = { MiB, GiB };

/** A number typed in `unit` as bytes, whole pages (128 MiB stays exactly 128 MiB). */
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

/** As the core writes bytes in messages: `6 MiB`, `1.5 GiB` (two decimals at most). */
export function formatLimitBytes(bytes: number): string {
  if (bytes >= GiB) return `${trim(bytes / GiB)} GiB`;
  if (bytes >= MiB) return `${trim(bytes / MiB)} MiB`;
  if (bytes >= KiB) return `${trim(bytes / KiB)} KiB`;
  return `${bytes} B`;
}

/** As the core writes CPUs in messages: `1 CPU`, `0.5 CPUs`. */
export function formatCpus(cpus: number): string {
  return `${trim(cpus)} ${cpus === 1 ? 'CPU' : 'CPUs'}`;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}
