// Owns the rules a limit set must meet before Berth sends anything to the engine. Rules apply to the
// RESULTING set (current limits with the change applied), so a change that is fine alone but clashes with a
// limit already there (a reservation above the current memory limit) is caught too.
import { restartPolicyNames, type ContainerLimits, type LimitsCapabilities, type LimitsChange } from '../../shared/limits-types';
import { formatCpuset, normaliseCpuset, parseCpuset } from './cpuset';
import { describeField, limitFields, sameLimit } from './limits-compare';
import { formatBytes, formatCpus, MAX_CPU_SHARES, MIN_CPU_SHARES, MIN_CPUS, MIN_MEMORY_BYTES } from './limit-units';

/** The current limits with every field present in the change replaced (null included: it removes the limit). */
export function resolveChange(current: ContainerLimits, change: LimitsChange): ContainerLimits {
  const result: ContainerLimits = { ...current, restartPolicy: { ...current.restartPolicy } };
  for (const field of limitFields) {
    if (change[field] !== undefined) (result as unknown as Record<string, unknown>)[field] = change[field];
  }
  return result;
}

/** The same limits in the form the engine reads back (all cores → null, weight 1024 → default). */
export function normaliseLimits(limits: ContainerLimits, engineCpus: number): ContainerLimits {
  return {
    ...limits,
    cpuShares: limits.cpuShares === 1024 ? null : limits.cpuShares,
    cpusetCpus: normaliseCpuset(limits.cpusetCpus, engineCpus),
    restartPolicy: limits.restartPolicy.name === 'on-failure' ? limits.restartPolicy : { name: limits.restartPolicy.name, maximumRetryCount: 0 },
  };
}

const isInt = (value: number) => Number.isSafeInteger(value);

function cpuProblems(l: ContainerLimits, caps: LimitsCapabilities): string[] {
  const problems: string[] = [];
  if (l.cpus !== null) {
    if (!Number.isFinite(l.cpus) || l.cpus < MIN_CPUS) problems.push(`The CPU limit must be at least ${MIN_CPUS} CPUs (the kernel's smallest quota, 1 ms per 100 ms), or unlimited.`);
    else if (caps.engineCpus > 0 && l.cpus > caps.engineCpus) problems.push(`The CPU limit ${formatCpus(l.cpus)} is more than the engine's ${formatCpus(caps.engineCpus)}.`);
  }
  if (l.cpuShares !== null && (!isInt(l.cpuShares) || l.cpuShares < MIN_CPU_SHARES || l.cpuShares > MAX_CPU_SHARES)) {
    problems.push(`CPU shares must be a whole number from ${MIN_CPU_SHARES} to ${MAX_CPU_SHARES} (1024 is the default), not ${l.cpuShares}.`);
  }
  if (l.cpusetCpus !== null) {
    const cores = parseCpuset(l.cpusetCpus);
    if (!cores) problems.push(`The CPU set "${l.cpusetCpus}" is not a list of cores like 0-1,3.`);
    else {
      const missing = cores.filter((core) => !caps.cores.includes(core));
      if (missing.length > 0) {
        problems.push(`The CPU set names ${missing.length === 1 ? 'core' : 'cores'} ${formatCpuset(missing)}, but the engine has only cores ${formatCpuset(caps.cores) || 'none'}.`);
      }
    }
  }
  return problems;
}

function memoryProblems(l: ContainerLimits): string[] {
  const problems: string[] = [];
  const memory = l.memoryBytes;
  if (memory !== null && (!isInt(memory) || memory < MIN_MEMORY_BYTES)) {
    problems.push(`The memory limit must be at least ${formatBytes(MIN_MEMORY_BYTES)} (the engine's minimum), or unlimited.`);
  }
  if (l.memorySwapBytes !== null) {
    if (memory === null) problems.push('A memory+swap limit needs a memory limit: set one, or make swap unlimited too.');
    else if (!isInt(l.memorySwapBytes) || l.memorySwapBytes < memory) {
      problems.push(
        `The memory+swap limit ${formatBytes(l.memorySwapBytes)} is below the memory limit ${formatBytes(memory)}: make it at least as large (equal means no swap), or unlimited.`,
      );
    }
  }
  const reservation = l.memoryReservationBytes;
  if (reservation !== null) {
    if (!isInt(reservation) || reservation < MIN_MEMORY_BYTES) problems.push(`The memory reservation must be at least ${formatBytes(MIN_MEMORY_BYTES)}, or none.`);
    else if (memory !== null && reservation > memory) {
      problems.push(`The memory reservation ${formatBytes(reservation)} is above the memory limit ${formatBytes(memory)}: a soft limit must not exceed the hard one.`);
    }
  }
  return problems;
}

function otherProblems(l: ContainerLimits): string[] {
  const problems: string[] = [];
  if (l.pidsLimit !== null && (!isInt(l.pidsLimit) || l.pidsLimit < 1)) problems.push(`The process limit must be at least 1, or unlimited, not ${l.pidsLimit}.`);
  const policy = l.restartPolicy;
  if (!restartPolicyNames.includes(policy.name)) problems.push(`"${String(policy.name)}" is not a restart policy (${restartPolicyNames.join(', ')}).`);
  else if (!isInt(policy.maximumRetryCount) || policy.maximumRetryCount < 0) problems.push('The maximum retry count must be a whole number, 0 or more.');
  else if (policy.maximumRetryCount > 0 && policy.name !== 'on-failure') {
    problems.push(`A maximum retry count works only with the on-failure restart policy, not with "${policy.name}".`);
  }
  return problems;
}

/** Every rule the resulting set breaks, each as a sentence for the user; empty when it may be applied. */
export function validateLimits(result: ContainerLimits, current: ContainerLimits, change: LimitsChange, caps: LimitsCapabilities): string[] {
  const problems: string[] = [];
  for (const { field, reason } of caps.fixed) {
    if (change[field] !== undefined && !sameLimit(field, current[field], result[field])) problems.push(`The ${describeField(field)} cannot change here: ${reason}`);
  }
  return [...problems, ...cpuProblems(result, caps), ...memoryProblems(result), ...otherProblems(result)];
}
