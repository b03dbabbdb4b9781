// Owns the units and sentinel values of resource limits: the engine's minimums and defaults, the kernel's own
// "unlimited" byte count, and how limits read in messages (MiB, cores).

export const MiB = 1024 * 1024;

/** Docker refuses memory limits and reservations below 6 MiB (its `linuxMinMemory`). */
export const MIN_MEMORY_BYTES = 6 * MiB;

/** The kernel's CPU weight when nothing is set; Docker stores 0 for "default". */
export const DEFAULT_CPU_SHARES = 1024;
export const MIN_CPU_SHARES = 2;
export const MAX_CPU_SHARES = 262144;

/** The CFS period Docker uses for `--cpus` and the kernel's default: 100 ms. */
export const DEFAULT_CFS_PERIOD_US = 100_000;

/** The kernel refuses CFS quotas under 1 ms, so 0.01 of a core at the default period is the least. */
export const MIN_CPUS = 0.01;

/**
 * What cgroup v1 shows for "no memory limit" (PAGE_COUNTER_MAX pages). Docker 20.10 cannot remove a memory
 * limit live (0 means "leave as is", -1 is refused as below 6 MiB), but writing this value makes the kernel's
 * limit exactly what an unlimited container has, and the engine re-applies it on every start.
 * 2^63 - 4096 is exact as a double; JSON prints it as 9223372036854772000, which the kernel rounds back down.
 */
export const KERNEL_UNLIMITED_BYTES = 0x7ffffffffffff000;

/** Anything this large is "unlimited", whoever wrote it (2^62 bytes = 4 EiB). */
const UNLIMITED_THRESHOLD = 2 ** 62;

/** A byte limit as read from HostConfig or a cgroup file: null when it is unset or unlimited. */
export function bytesLimit(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= UNLIMITED_THRESHOLD) return null;
  return value;
}

/** Float noise from quota/period divisions (0.33299999…) would show as a change that did not happen. */
export function roundCpus(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${trim(bytes / (1024 * MiB))} GiB`;
  if (bytes >= MiB) return `${trim(bytes / MiB)} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

export function formatCpus(cpus: number): string {
  return `${trim(cpus)} ${cpus === 1 ? 'CPU' : 'CPUs'}`;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}
