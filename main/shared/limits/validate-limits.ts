// Owns the rules a limit set must meet before anything is sent to the engine. Rules apply to the RESULTING
// set (current limits with the change applied), so a change that is fine alone but clashes with a limit
// already there (a reservation above the current memory limit) is caught too. Each problem names its field:
// the renderer shows it beside that field, the core joins them into one refusal.
import { restartPolicyNames, type ContainerLimits, type LimitsCapabilities, type LimitsChange } from '../limits-types';
import { formatCpuset, parseCpuset } from './cpuset';
import { fieldLabel, sameLimit, type LimitField } from './limit-fields';
import {
  formatCpus,
  formatLimitBytes,
  MAX_CPU_SHARES,
  MIN_CPU_SHARES,
  MIN_CPUS,
  MIN_MEMORY_BYTES,
} from './limit-units';

export interface LimitProblem {
  field: LimitField;
  message: string;
}

/**
 * Which fields the rules look at. `all` for a container's own limits; in change-only mode (bulk) only the
 * fields being changed, since the others differ per container and the core checks them there.
 */
export type ValidationScope = 'all' | ReadonlySet<LimitField>;

type Add = (field: LimitField, message: string) => void;

const isInt = (value: number) => Number.isSafeInteger(value);

function cpuProblems(l: ContainerLimits, caps: LimitsCapabilities, add: Add): void {
  if (l.cpus !== null) {
    if (!Number.isFinite(l.cpus) || l.cpus < MIN_CPUS)
      add(
        'cpus',
        `The CPU limit must be at least ${MIN_CPUS} CPUs (the kernel's smallest quota, 1 ms per 100 ms), or unlimited.`,
      );
    else if (caps.engineCpus > 0 && l.cpus > caps.engineCpus)
      add('cpus', `The CPU limit ${formatCpus(l.cpus)} is more than the engine's ${formatCpus(caps.engineCpus)}.`);
  }
  if (l.cpuShares !== null && (!isInt(l.cpuShares) || l.cpuShares < MIN_CPU_SHARES || l.cpuShares > MAX_CPU_SHARES)) {
    add(
      'cpuShares',
      `CPU shares must be a whole number from ${MIN_CPU_SHARES} to ${MAX_CPU_SHARES} (1024 is the default), not ${l.cpuShares}.`,
    );
  }
  if (l.cpusetCpus !== null) {
    const cores = parseCpuset(l.cpusetCpus);
    if (!cores) add('cpusetCpus', `The CPU set "${l.cpusetCpus}" is not a list of cores like 0-1,3.`);
    else {
      const missing = cores.filter((core) => !caps.cores.includes(core));
      if (missing.length > 0) {
        add(
          'cpusetCpus',
          `The CPU set names ${missing.length === 1 ? 'core' : 'cores'} ${formatCpuset(missing)}, but the engine has only cores ${formatCpuset(caps.cores) || 'none'}.`,
        );
      }
    }
  }
}

function memoryProblems(l: ContainerLimits, inScope: (field: LimitField) => boolean, add: Add): void {
  const memory = l.memoryBytes;
  if (memory !== null && (!isInt(memory) || memory < MIN_MEMORY_BYTES)) {
    add(
      'memoryBytes',
      `The memory limit must be at least ${formatLimitBytes(MIN_MEMORY_BYTES)} (the engine's minimum), or unlimited.`,
    );
  }
  // Rules between two fields hold only when both are known: in change-only mode, both being changed.
  const withMemory = inScope('memoryBytes');
  if (l.memorySwapBytes !== null && withMemory) {
    if (memory === null)
      add('memorySwapBytes', 'A memory+swap limit needs a memory limit: set one, or make swap unlimited too.');
    else if (!isInt(l.memorySwapBytes) || l.memorySwapBytes < memory) {
      add(
        'memorySwapBytes',
        `The memory+swap limit ${formatLimitBytes(l.memorySwapBytes)} is below the memory limit ${formatLimitBytes(memory)}: make it at least as large (equal means no swap), or unlimited.`,
      );
    }
  }
  const reservation = l.memoryReservationBytes;
  if (reservation !== null) {
    if (!isInt(reservation) || reservation < MIN_MEMORY_BYTES)
      add(
        'memoryReservationBytes',
        `The memory reservation must be at least ${formatLimitBytes(MIN_MEMORY_BYTES)}, or none.`,
      );
    else if (memory !== null && withMemory && reservation > memory) {
      add(
        'memoryReservationBytes',
        `The memory reservation ${formatLimitBytes(reservation)} is above the memory limit ${formatLimitBytes(memory)}: a soft limit must not exceed the hard one.`,
      );
    }
  }
}

function otherProblems(l: ContainerLimits, add: Add): void {
  if (l.pidsLimit !== null && (!isInt(l.pidsLimit) || l.pidsLimit < 1))
    add('pidsLimit', `The process limit must be at least 1, or unlimited, not ${l.pidsLimit}.`);
  const policy = l.restartPolicy;
  if (!restartPolicyNames.includes(policy.name))
    add('restartPolicy', `"${String(policy.name)}" is not a restart policy (${restartPolicyNames.join(', ')}).`);
  else if (!isInt(policy.maximumRetryCount) || policy.maximumRetryCount < 0)
    add('restartPolicy', 'The maximum retry count must be a whole number, 0 or more.');
  else if (policy.maximumRetryCount > 0 && policy.name !== 'on-failure') {
    add(
      'restartPolicy',
      `A maximum retry count works only with the on-failure restart policy, not with "${policy.name}".`,
    );
  }
}

/**
 * Every rule the resulting set `result` breaks, fixed limits first; empty when it may be applied. `current`
 * and `change` tell which fixed limits (capabilities.fixed) the change would touch.
 */
export function validateLimits(
  result: ContainerLimits,
  current: ContainerLimits,
  change: LimitsChange,
  caps: LimitsCapabilities,
  scope: ValidationScope = 'all',
): LimitProblem[] {
  const inScope = (field: LimitField) => scope === 'all' || scope.has(field);
  const problems: LimitProblem[] = [];
  const add: Add = (field, message) => {
    if (inScope(field)) problems.push({ field, message });
  };
  for (const { field, reason } of caps.fixed) {
    if (change[field] !== undefined && !sameLimit(field, current[field], result[field]))
      add(field, `The ${fieldLabel(field)} cannot change here: ${reason}`);
  }
  cpuProblems(result, caps, add);
  memoryProblems(result, inScope, add);
  otherProblems(result, add);
  return problems;
}
