// Owns what the limits editor may offer for a container that does not exist yet (the run dialog, the default
// profile in Settings). limits:get answers only for an existing container, so this derives the engine-wide
// part the same way the core does (main/core/limits/limits-capabilities.ts) from engine:status: its CPUs,
// cores and memory. Swap accounting is not in the status, so it is assumed on: the engine warns at run time
// when the kernel ignores a swap limit, and nothing is fixed for a container that is not created yet.
import type { EngineStatus } from '@shared/engine-types';
import type { LimitsCapabilities } from '@shared/limits-types';
import { engineCores } from '@shared/limits/cpuset';

export function engineCapabilities(status: EngineStatus | undefined): LimitsCapabilities | null {
  if (status?.state !== 'connected') return null;
  const { cpus, memoryBytes } = status.info;
  return {
    engineCpus: cpus,
    cores: engineCores(cpus),
    engineMemoryBytes: memoryBytes,
    swapLimitSupported: true,
    fixed: [],
  };
}
