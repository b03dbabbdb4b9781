// Limit sets and capabilities the renderer's limits tests share.
import type { ContainerLimits, LimitsCapabilities } from '../../../main/shared/limits-types';

export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;

export const unlimited: ContainerLimits = {
  cpus: null,
  cpuShares: null,
  cpusetCpus: null,
  memoryBytes: null,
  memoryReservationBytes: null,
  memorySwapBytes: null,
  pidsLimit: null,
  restartPolicy: { name: 'no', maximumRetryCount: 0 },
};

/** What `docker run --memory 256m` leaves: swap as large as memory on top. */
export const limited256: ContainerLimits = { ...unlimited, memoryBytes: 256 * MiB, memorySwapBytes: 512 * MiB };

export const caps: LimitsCapabilities = { engineCpus: 2, cores: [0, 1], engineMemoryBytes: 8 * GiB, swapLimitSupported: true, fixed: [] };
