// Owns comparing and describing limits: which fields two limit sets differ in, and how a field and its value
// read in a message ("memory limit", "512 MiB", "unlimited").
import type { ContainerLimits, RestartPolicy } from '../../shared/limits-types';
import { formatBytes, formatCpus } from './limit-units';

export type LimitField = keyof ContainerLimits;

export const limitFields: LimitField[] = [
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

function samePolicy(a: RestartPolicy, b: RestartPolicy): boolean {
  return a.name === b.name && a.maximumRetryCount === b.maximumRetryCount;
}

export function sameLimit(field: LimitField, a: ContainerLimits[LimitField], b: ContainerLimits[LimitField]): boolean {
  if (field === 'restartPolicy') return samePolicy(a as RestartPolicy, b as RestartPolicy);
  if (field === 'cpus' && typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return a === b;
}

export function changedFields(from: ContainerLimits, to: ContainerLimits): LimitField[] {
  return limitFields.filter((field) => !sameLimit(field, from[field], to[field]));
}

/** The field's name, or with a value, that value as a person reads it. */
export function describeField(field: LimitField, ...value: [ContainerLimits[LimitField]] | []): string {
  if (value.length === 0) return labels[field];
  const v = value[0];
  if (field === 'restartPolicy') {
    const policy = v as RestartPolicy;
    return policy.name === 'on-failure' && policy.maximumRetryCount > 0 ? `on-failure:${policy.maximumRetryCount}` : policy.name;
  }
  if (v === null) return field === 'cpuShares' ? 'the default (1024)' : field === 'cpusetCpus' ? 'all cores' : 'unlimited';
  if (field === 'cpus') return formatCpus(v as number);
  if (field === 'cpusetCpus') return `cores ${String(v)}`;
  if (field === 'memoryBytes' || field === 'memoryReservationBytes' || field === 'memorySwapBytes') return formatBytes(v as number);
  return String(v);
}
