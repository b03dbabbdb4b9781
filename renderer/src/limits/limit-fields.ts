// The limit fields: their order, how each and its value read in notes ("memory limit", "512 MiB",
// "0.5 cores", "unlimited"), and comparing two limit sets field by field. Field names as the core's
// limits-compare.ts, so the renderer's notes and the core's messages name things alike; CPU values in cores,
// the unit the rest of the UI uses.
import type { ContainerLimits, RestartPolicy } from '../../../main/shared/limits-types';
import { formatCores } from '../format/stats';
import { formatLimitBytes } from './limit-units';

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

export function describeValue<F extends LimitField>(field: F, value: ContainerLimits[F]): string {
  if (field === 'restartPolicy') {
    const policy = value as RestartPolicy;
    return policy.name === 'on-failure' && policy.maximumRetryCount > 0 ? `on-failure:${policy.maximumRetryCount}` : policy.name;
  }
  if (value === null) return field === 'cpuShares' ? 'the default (1024)' : field === 'cpusetCpus' ? 'all cores' : 'unlimited';
  if (field === 'cpus') return formatCores(value as number);
  if (field === 'cpusetCpus') return `cores ${String(value)}`;
  if (field === 'memoryBytes' || field === 'memoryReservationBytes' || field === 'memorySwapBytes') return formatLimitBytes(value as number);
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

/** "memory limit 256 MiB → 128 MiB", one line per field that differs. */
export function describeChanges(from: ContainerLimits, to: ContainerLimits): string[] {
  return changedFields(from, to).map((field) => `${fieldLabel(field)} ${describeValue(field, from[field])} → ${describeValue(field, to[field])}`);
}
