// Owns reading a container's limits from one inspect: what its HostConfig makes the engine apply at the next
// start (Docker's own start-time rules), plus the facts the update payload depends on (how its CPU limit was
// set, whether it runs and as which pid, whether it was started with --rm).
import type Dockerode from 'dockerode';
import { restartPolicyNames, type ContainerLimits, type RestartPolicy } from '../../shared/limits-types';
import { normaliseCpuset } from '../../shared/limits/cpuset';
import { DEFAULT_CPU_SHARES } from '../../shared/limits/limit-units';
import { bytesLimit, DEFAULT_CFS_PERIOD_US, roundCpus } from './engine-units';

/** How the CPU limit is stored: Docker forbids switching between NanoCpus and CpuQuota/CpuPeriod once set. */
export interface CpuConfig {
  nanoCpus: number;
  quota: number;
  period: number;
}

export interface ContainerSnapshot {
  id: string;
  name: string;
  running: boolean;
  /** The container's init process as the engine's host sees it; 0 when not running. */
  pid: number;
  autoRemove: boolean;
  cpu: CpuConfig;
  /** What HostConfig makes the engine apply at the next start. */
  configured: ContainerLimits;
}

/** The HostConfig fields Berth reads; dockerode's type lacks some of them. */
export interface LimitsHostConfig {
  NanoCpus?: number;
  CpuQuota?: number;
  CpuPeriod?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  PidsLimit?: number | null;
  RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
  AutoRemove?: boolean;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Docker's start-time rule (daemon getCPUResources): NanoCpus sets quota and period, then a non-zero CpuQuota
 * overrides the quota. So a negative CpuQuota means unlimited even beside NanoCpus, which is how a NanoCpus
 * limit is removed (the engine ignores NanoCpus 0 in an update and refuses negatives).
 */
export function cpusFromConfig(cpu: CpuConfig): number | null {
  if (cpu.quota < 0) return null;
  if (cpu.quota > 0) return roundCpus(cpu.quota / (cpu.period > 0 ? cpu.period : DEFAULT_CFS_PERIOD_US));
  return cpu.nanoCpus > 0 ? roundCpus(cpu.nanoCpus / 1e9) : null;
}

export function restartPolicyFrom(raw: LimitsHostConfig['RestartPolicy']): RestartPolicy {
  const name = (restartPolicyNames as readonly string[]).includes(raw?.Name ?? '')
    ? (raw?.Name as RestartPolicy['name'])
    : 'no';
  return { name, maximumRetryCount: name === 'on-failure' ? Math.max(0, num(raw?.MaximumRetryCount)) : 0 };
}

/**
 * Limits from HostConfig alone. `swapSupported` false: the kernel does not account swap, so nothing limits it.
 * MemorySwap 0 beside a memory limit (only left by odd API clients: the engine stores twice the memory when a
 * container is created with --memory only) means the kernel default Docker documents: swap as large as memory.
 */
export function limitsFromHostConfig(
  hostConfig: LimitsHostConfig,
  engineCpus: number,
  swapSupported: boolean,
): ContainerLimits {
  const cpu: CpuConfig = {
    nanoCpus: num(hostConfig.NanoCpus),
    quota: num(hostConfig.CpuQuota),
    period: num(hostConfig.CpuPeriod),
  };
  const memoryBytes = bytesLimit(hostConfig.Memory);
  const rawSwap = num(hostConfig.MemorySwap);
  let memorySwapBytes: number | null = null;
  if (memoryBytes !== null && swapSupported) memorySwapBytes = rawSwap === 0 ? memoryBytes * 2 : bytesLimit(rawSwap);
  const shares = num(hostConfig.CpuShares);
  const pids = num(hostConfig.PidsLimit);
  return {
    cpus: cpusFromConfig(cpu),
    // 1024 is the kernel's default weight: explicitly set or not, it behaves as "default".
    cpuShares: shares > 0 && shares !== DEFAULT_CPU_SHARES ? shares : null,
    cpusetCpus: normaliseCpuset(hostConfig.CpusetCpus, engineCpus),
    memoryBytes,
    memoryReservationBytes: bytesLimit(hostConfig.MemoryReservation),
    memorySwapBytes,
    // 0 and -1 both mean unlimited to the engine.
    pidsLimit: pids > 0 ? pids : null,
    restartPolicy: restartPolicyFrom(hostConfig.RestartPolicy),
  };
}

export function toSnapshot(
  info: Dockerode.ContainerInspectInfo,
  engineCpus: number,
  swapSupported: boolean,
): ContainerSnapshot {
  const hostConfig = (info.HostConfig ?? {}) as LimitsHostConfig;
  const running = info.State?.Running === true;
  return {
    id: info.Id,
    name: (info.Name ?? '').replace(/^\//, '') || info.Id.slice(0, 12),
    running,
    pid: running ? num(info.State?.Pid) : 0,
    autoRemove: hostConfig.AutoRemove === true,
    cpu: { nanoCpus: num(hostConfig.NanoCpus), quota: num(hostConfig.CpuQuota), period: num(hostConfig.CpuPeriod) },
    configured: limitsFromHostConfig(hostConfig, engineCpus, swapSupported),
  };
}
