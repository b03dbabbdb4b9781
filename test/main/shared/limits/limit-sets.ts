// Test helper: the limit sets and capabilities the limits tests share (the shared rules, the core and the
// renderer), so each test starts from the same "no limits" set and states only what differs.
import type { ContainerLimits, LimitsCapabilities } from '../../../../main/shared/limits-types';
import { noLimits } from '../../../../main/shared/limits/limit-fields';

// Written out rather than imported: the tests check the code's units against these.
export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;

/** Nothing limited except what `overrides` sets; a fresh object each call, restart policy included. */
export function limits(overrides: Partial<ContainerLimits> = {}): ContainerLimits {
  return { ...noLimits, restartPolicy: { ...noLimits.restartPolicy }, ...overrides };
}

export const unlimited = limits();

/** What `docker run --memory 256m` leaves: swap as large as memory on top. */
export const limited256 = limits({ memoryBytes: 256 * MiB, memorySwapBytes: 512 * MiB });

/** A two-core engine with 8 GiB, swap accounted, nothing fixed. */
export const caps: LimitsCapabilities = {
  engineCpus: 2,
  cores: [0, 1],
  engineMemoryBytes: 8 * GiB,
  swapLimitSupported: true,
  fixed: [],
};
