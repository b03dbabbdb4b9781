// Owns what the engine lets a container's limits be: its CPUs, cores and memory from `/info`, whether the
// kernel accounts swap, and which limits cannot change live for this container, with why.
import type { LimitsCapabilities } from '../../shared/limits-types';
import { engineCores } from '../../shared/limits/cpuset';
import type { ContainerSnapshot } from './limits-from-inspect';
import { podmanCapabilities } from './podman-limits';

/** The parts of the engine's `/info` limits depend on. */
export interface LimitsRawInfo {
  NCPU?: number;
  MemTotal?: number;
  /** Docker: false when the kernel has no memory.memsw files (swap accounting off). */
  SwapLimit?: boolean;
  CgroupVersion?: string;
}

export interface EngineLimitsFacts {
  product: 'docker' | 'podman';
  /** The product's version (`20.10.24`, `4.3.1`), '' when unknown: what Podman can change live depends on it. */
  version: string;
  cpus: number;
  memoryBytes: number;
  swapLimitSupported: boolean;
  /** `1`, `2` or '' when the engine did not say. */
  cgroupVersion: string;
}

export function toEngineLimitsFacts(
  info: LimitsRawInfo,
  product: EngineLimitsFacts['product'],
  version = '',
): EngineLimitsFacts {
  return {
    product,
    version,
    cpus: typeof info.NCPU === 'number' && info.NCPU > 0 ? info.NCPU : 0,
    memoryBytes: typeof info.MemTotal === 'number' && info.MemTotal > 0 ? info.MemTotal : 0,
    // An engine that does not report it (older Podman) is trusted: the engine warns if the kernel cannot.
    swapLimitSupported: info.SwapLimit !== false,
    cgroupVersion: (info.CgroupVersion ?? '').replace(/^v/i, ''),
  };
}

export function toCapabilities(
  engine: EngineLimitsFacts,
  container: Pick<ContainerSnapshot, 'autoRemove'>,
): LimitsCapabilities {
  const fixed: LimitsCapabilities['fixed'] = [];
  if (!engine.swapLimitSupported) {
    fixed.push({
      field: 'memorySwapBytes',
      reason:
        'This kernel does not account swap (the engine reports SwapLimit false), so the engine ignores swap limits. Enable swap accounting (kernel parameter swapaccount=1) and restart the host to limit swap.',
    });
  }
  if (container.autoRemove) {
    fixed.push({
      field: 'restartPolicy',
      reason:
        'The container was started with --rm (AutoRemove): the engine refuses any restart policy for it. Recreate it without --rm to set one.',
    });
  }
  return {
    engineCpus: engine.cpus,
    cores: engineCores(engine.cpus),
    engineMemoryBytes: engine.memoryBytes,
    swapLimitSupported: engine.swapLimitSupported,
    fixed,
  };
}

/** An existing container's capabilities: the engine's, plus what its engine cannot change live (Podman). */
export function liveCapabilities(
  engine: EngineLimitsFacts,
  container: Pick<ContainerSnapshot, 'autoRemove' | 'running'>,
): LimitsCapabilities {
  const capabilities = toCapabilities(engine, container);
  if (engine.product !== 'podman') return capabilities;
  const podman = podmanCapabilities(engine.version, container.running);
  const known = new Set(capabilities.fixed.map((entry) => entry.field));
  return {
    ...capabilities,
    // The engine-wide reasons (no swap accounting, --rm) come first; Podman's are added for the other fields.
    fixed: [...capabilities.fixed, ...podman.fixed.filter((entry) => !known.has(entry.field))],
    ...(podman.notice ? { notice: podman.notice } : {}),
  };
}
