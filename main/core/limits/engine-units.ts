// Owns the engine's and the kernel's encodings of limits that only the core meets: the CFS period Docker uses,
// the kernel's own "unlimited" byte count, and reading byte and CPU values back from HostConfig or cgroup
// files. The units and bounds the renderer applies too live in main/shared/limits/limit-units.ts.

/** The CFS period Docker uses for `--cpus` and the kernel's default: 100 ms. */
export const DEFAULT_CFS_PERIOD_US = 100_000;

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
