// Owns the units and bounds of resource limits that the core and the renderer both apply: the engine's
// minimums and defaults, the kernel's page size, and how limit values read in messages (`6 MiB`, `0.5 CPUs`).
// One copy, so the renderer's inline messages read exactly like the core's refusals.

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** Docker refuses memory limits and reservations below 6 MiB (its `linuxMinMemory`). */
export const MIN_MEMORY_BYTES = 6 * MiB;

/** The kernel counts memory in pages: byte limits read back rounded to them. */
export const PAGE_BYTES = 4096;

/** The kernel's CPU weight when nothing is set; Docker stores 0 for "default". */
export const DEFAULT_CPU_SHARES = 1024;
export const MIN_CPU_SHARES = 2;
export const MAX_CPU_SHARES = 262144;

/** The kernel refuses CFS quotas under 1 ms, so 0.01 of a core at the default period is the least. */
export const MIN_CPUS = 0.01;

/** Bytes as messages write them: `6 MiB`, `1.5 GiB` (two decimals at most). */
export function formatLimitBytes(bytes: number): string {
  if (bytes >= GiB) return `${trim(bytes / GiB)} GiB`;
  if (bytes >= MiB) return `${trim(bytes / MiB)} MiB`;
  if (bytes >= KiB) return `${trim(bytes / KiB)} KiB`;
  return `${bytes} B`;
}

/** CPUs as messages write them: `1 CPU`, `0.5 CPUs`. */
export function formatCpus(cpus: number): string {
  return `${trim(cpus)} ${cpus === 1 ? 'CPU' : 'CPUs'}`;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}
