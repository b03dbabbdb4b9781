// Owns deciding what a container's limits ARE: the kernel's values where it can be read (what is enforced now),
// else HostConfig's; and saying where the two disagree, because Docker 20.10 can leave them apart: a NanoCpus
// limit set after a removal holds only until the next start, MemorySwap -1 is stored but never applied live.
import type { ContainerLimits } from '../../shared/limits-types';
import { describeValue, fieldLabel, limitFields, sameLimit, type LimitField } from '../../shared/limits/limit-fields';
import { PAGE_BYTES } from '../../shared/limits/limit-units';
import type { KernelLimits } from './kernel-limits';

const byteFields = ['memoryBytes', 'memoryReservationBytes', 'memorySwapBytes'] as const;

/** The kernel stores byte limits in whole pages: a 100000000-byte limit reads back as 99999744. */
function closeEnough(configured: number | null, kernel: number | null): boolean {
  return configured !== null && kernel !== null && Math.abs(configured - kernel) < PAGE_BYTES;
}

/** What is enforced now: kernel values override HostConfig, except for page rounding of the value asked for. */
export function enforcedLimits(configured: ContainerLimits, kernel: KernelLimits | null): ContainerLimits {
  if (!kernel) return configured;
  const merged: ContainerLimits = { ...configured, ...kernel, restartPolicy: configured.restartPolicy };
  for (const field of byteFields) {
    if (closeEnough(configured[field], merged[field])) merged[field] = configured[field];
  }
  return merged;
}

/** The fields two limit sets differ in, ignoring page rounding of byte limits. */
export function differences(a: ContainerLimits, b: ContainerLimits): LimitField[] {
  return limitFields.filter((field) => {
    if (sameLimit(field, a[field], b[field])) return false;
    return !(
      byteFields.includes(field as (typeof byteFields)[number]) &&
      closeEnough(a[field] as number | null, b[field] as number | null)
    );
  });
}

/** One sentence per limit the engine would change at the next start of the container. */
export function restartDivergence(
  enforced: ContainerLimits,
  configured: ContainerLimits,
  alreadyNoted: LimitField[] = [],
): string[] {
  return differences(enforced, configured)
    .filter((field) => !alreadyNoted.includes(field))
    .map(
      (field) =>
        `The ${fieldLabel(field)} is ${describeValue(field, enforced[field])} now, but the engine's configuration says ${describeValue(field, configured[field])}, which it will apply when the container restarts.`,
    );
}

/** One sentence per limit the engine enforces differently from what was asked. */
export function mismatches(requested: ContainerLimits, enforced: ContainerLimits): string[] {
  return differences(requested, enforced).map(
    (field) =>
      `The engine enforces ${describeValue(field, enforced[field])} as the ${fieldLabel(field)}, not the ${describeValue(field, requested[field])} asked for.`,
  );
}
