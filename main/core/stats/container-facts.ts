// Owns what stats need from a container's inspect: its full id and name, whether and as which pid it runs,
// its network mode, and the limits its HostConfig sets (for the API collector, whose frames lack them).
import type Dockerode from 'dockerode';
import type { ContainerFacts } from './collector';

/** Values this large are the kernel's "unlimited" (2^63 rounded to pages), which Berth stores to lift a limit. */
const unlimitedFrom = 2 ** 62;

function positive(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < unlimitedFrom ? value : NaN;
}

/** `--cpus` sets NanoCpus; `--cpu-quota`/`--cpu-period` set the CFS values directly (period defaults to 100 ms). */
export function cpuLimitFromHostConfig(
  hostConfig: { NanoCpus?: number; CpuQuota?: number; CpuPeriod?: number } | undefined,
): number {
  // A negative quota is what lifting a CPU limit stores; the engine applies it over NanoCpus at start, too.
  if (typeof hostConfig?.CpuQuota === 'number' && hostConfig.CpuQuota < 0) return NaN;
  const nano = positive(hostConfig?.NanoCpus);
  if (Number.isFinite(nano)) return nano / 1e9;
  const quota = positive(hostConfig?.CpuQuota);
  if (!Number.isFinite(quota)) return NaN;
  const period = positive(hostConfig?.CpuPeriod);
  return quota / (Number.isFinite(period) ? period : 100_000);
}

export function toContainerFacts(info: Dockerode.ContainerInspectInfo): ContainerFacts {
  const hostConfig = info.HostConfig as (Dockerode.HostConfig & { NanoCpus?: number }) | undefined;
  const running = info.State?.Running === true;
  return {
    id: info.Id,
    name: (info.Name ?? '').replace(/^\//, '') || info.Id.slice(0, 12),
    running,
    pid: running ? (info.State?.Pid ?? 0) : 0,
    hostNetwork: hostConfig?.NetworkMode === 'host',
    cpuLimitCores: cpuLimitFromHostConfig(hostConfig),
    // The engine stores the effective value: twice the memory limit when only --memory was given, and -1 when
    // swap is unlimited or the kernel does not account it.
    memorySwapBytes: positive(hostConfig?.MemorySwap),
    // 0 and -1 both mean unlimited.
    pidsLimit: positive(hostConfig?.PidsLimit),
  };
}
