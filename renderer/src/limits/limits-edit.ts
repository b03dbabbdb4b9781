// How one edit in the limits editor changes the limit set: the couplings a person expects (swap keeps its
// allowance above memory when memory moves, and goes unlimited with it; retries exist only for on-failure),
// and the value a limit starts from when its Unlimited switch is turned off.
import type { ContainerLimits, LimitsCapabilities } from '@shared/limits-types';
import type { LimitField } from '@shared/limits/limit-fields';
import { GiB, MiB, MIN_MEMORY_BYTES, PAGE_BYTES } from '@shared/limits/limit-units';

/** What the container uses now, for sensible starting values; null where unknown. */
export interface UsageNow {
  cpuCores: number | null;
  memBytes: number | null;
}

export interface Edit {
  value: ContainerLimits;
  /** Every field the edit changed: the one edited and any coupled to it. */
  fields: LimitField[];
}

export function editLimit<F extends LimitField>(current: ContainerLimits, field: F, next: ContainerLimits[F]): Edit {
  const value: ContainerLimits = { ...current, [field]: next };
  const fields: LimitField[] = [field];
  if (field === 'memoryBytes') {
    const memory = next as number | null;
    const swap = current.memorySwapBytes;
    if (swap !== null && memory === null) {
      // A memory+swap limit without a memory limit is refused: unlimited memory means unlimited swap.
      value.memorySwapBytes = null;
      fields.push('memorySwapBytes');
    } else if (swap !== null && memory !== null && current.memoryBytes !== null) {
      // Swap is what the container may use on top of memory: keep that allowance as memory moves.
      value.memorySwapBytes = memory + Math.max(0, swap - current.memoryBytes);
      if (value.memorySwapBytes !== swap) fields.push('memorySwapBytes');
    }
  }
  if (field === 'restartPolicy') {
    const policy = next as ContainerLimits['restartPolicy'];
    if (policy.name !== 'on-failure' && policy.maximumRetryCount !== 0)
      value.restartPolicy = { name: policy.name, maximumRetryCount: 0 };
  }
  return { value, fields };
}

const roundUpTo = (value: number, step: number) => Math.ceil(value / step) * step;

/** The value a limit takes when its Unlimited (or Default) switch is turned off: something safe to edit from. */
export function startingValue(
  field: LimitField,
  limits: ContainerLimits,
  caps: LimitsCapabilities,
  usage: UsageNow | null,
): number | string | null {
  const engineCpus = caps.engineCpus > 0 ? caps.engineCpus : 1;
  const engineMemory = caps.engineMemoryBytes > 0 ? caps.engineMemoryBytes : 8 * GiB;
  switch (field) {
    case 'cpus':
      // Twice what it uses now (at least a quarter core), so turning a limit on does not throttle at once.
      return Math.min(engineCpus, Math.max(0.25, roundUpTo((usage?.cpuCores ?? 0) * 2, 0.05)));
    case 'cpuShares':
      return 1024;
    case 'memoryBytes':
      return Math.min(engineMemory, Math.max(256 * MiB, roundUpTo((usage?.memBytes ?? 0) * 2, 64 * MiB)));
    case 'memoryReservationBytes': {
      const half =
        limits.memoryBytes === null ? 128 * MiB : Math.floor(limits.memoryBytes / 2 / PAGE_BYTES) * PAGE_BYTES;
      return Math.max(MIN_MEMORY_BYTES, half);
    }
    case 'memorySwapBytes':
      // Docker's own default beside a memory limit: as much swap as memory.
      return limits.memoryBytes === null ? null : limits.memoryBytes * 2;
    case 'pidsLimit':
      return 512;
    default:
      return null;
  }
}
