// Owns the limit fields as a list: their order, the set with no limit at all, comparing two sets field by
// field, and how a field and its value read in a message ("memory limit", "512 MiB", "unlimited"). The core's
// messages and the renderer's notes name things alike because both use these.
import type { ContainerLimits, RestartPolicy } from '../limits-types';
import { formatCpus, formatLimitBytes } from './limit-units';

export type LimitField = keyof ContainerLimits;

export const limitFields: readonly LimitField[] = [
  'cpus',
  'cpuShares',
  'cpusetCpus',
  'memoryBytes',
  'memoryReservationBytes',
  'memorySwapBytes',
  'pidsLimit',
  'restartPolicy',
];

/**
 * Every limit removed and no restart policy: what a container run without options has, and where bulk editing
 * starts. Frozen because every importer shares this one object.
 */
export const noLimits: ContainerLimits = Object.freeze({
  cpus: null,
  cpuShares: null,
  cpusetCpus: null,
  memoryBytes: null,
  memoryReservationBytes: null,
  memorySwapBytes: null,
  pidsLimit: null,
  restartPolicy: Object.freeze({ name: 'no', maximumRetryCount: 0 }),
});

const labels: Record<LimitField, string> = {
  cpus: 'CPU limit',
  cpuShares: 'CPU shares',
  cpusetCpus: 'CPU set',
  memoryBytes: 'memory limit',
  memoryReservationBytes: 'memory reservation',
  memorySwapBytes: 'memory+swap limit',
  pidsLimit: 'process limit',
  restartPolicy: 'restart policy',
};

export function fieldLabel(field: LimitField): string {
  return labels[field];
}

/** A field's value as a person reads it; CPUs in the core's wording (`0.5 CPUs`). */
export function describeValue<F extends LimitField>(field: F, value: ContainerLimits[F]): string {
  if (field === 'restartPolicy') {
    const policy = value as RestartPolicy;
    return policy.name === 'on-failure' && policy.maximumRetryCount > 0
      ? `on-failure:${policy.maximumRetryCount}`
      : policy.name;
  }
  if (value === null)
    return field === 'cpuShares' ? 'the default (1024)' : field === 'cpusetCpus' ? 'all cores' : 'unlimited';
  if (field === 'cpus') return formatCpus(value as number);
  if (field === 'cpusetCpus') return `cores ${String(value)}`;
  if (field === 'memoryBytes' || field === 'memoryReservationBytes' || field === 'memorySwapBytes')
    return formatLimitBytes(value as number);
  return String(value);
}

export function sameLimit<F extends LimitField>(field: F, a: ContainerLimits[F], b: ContainerLimits[F]): boolean {
  if (field === 'restartPolicy') {
    const x = a as RestartPolicy;
    const y = b as RestartPolicy;
    return x.name === y.name && x.maximumRetryCount === y.maximumRetryCount;
  }
  // Fractional cores come back from quota / period with float noise.
  if (field === 'cpus' && typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return a === b;
}

export function changedFields(from: ContainerLimits, to: ContainerLimits): LimitField[] {
  return limitFields.filter((field) => !sameLimit(field, from[field], to[field]));
}
