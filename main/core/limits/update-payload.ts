// Owns turning "from these limits to those" into ONE engine update payload, with the encodings found by
// experiment on Docker 20.10 (cgroup v1) to really remove each limit live: the engine treats 0 as "leave as
// is" for most fields, so "unlimited" needs a value of its own per field (see README.md beside this file).
import type { ContainerLimits } from '../../shared/limits-types';
import { engineCores, formatCpuset } from '../../shared/limits/cpuset';
import { changedFields, type LimitField } from '../../shared/limits/limit-fields';
import { DEFAULT_CPU_SHARES } from '../../shared/limits/limit-units';
import { DEFAULT_CFS_PERIOD_US, KERNEL_UNLIMITED_BYTES } from './engine-units';
import type { CpuConfig } from './limits-from-inspect';

/** The body of `POST /containers/{id}/update`, as far as Berth sends it. */
export interface UpdatePayload {
  NanoCpus?: number;
  CpuQuota?: number;
  CpuPeriod?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  Memory?: number;
  MemorySwap?: number;
  MemoryReservation?: number;
  PidsLimit?: number;
  RestartPolicy?: { Name: string; MaximumRetryCount: number };
}

export interface PayloadContext {
  product: 'docker' | 'podman';
  /** How the container's CPU limit is stored now. */
  cpu: CpuConfig;
  swapLimitSupported: boolean;
  engineCpus: number;
}

export interface PlannedUpdate {
  payload: UpdatePayload;
  fields: LimitField[];
  /** Consequences the user should know (shown as warnings), by the field they concern. */
  notes: Array<{ field: LimitField; text: string }>;
}

const stickyNanoCpus =
  "Docker keeps NanoCpus in this container's configuration (it cannot clear it live) and stores CpuQuota -1 to remove the limit, which overrides NanoCpus at every start.";

/**
 * CPU encoding. Docker refuses CpuQuota/CpuPeriod once NanoCpus is set and vice versa, ignores NanoCpus 0 and
 * refuses negative NanoCpus; CpuQuota -1 is the only live removal. So: a container with NanoCpus keeps it (and is
 * un-limited with CpuQuota -1); every other container gets CpuQuota/CpuPeriod, which can be set, removed and set
 * again, and survive restarts. Podman's compatible API ignores NanoCpus altogether.
 */
function cpuPayload(cpus: number | null, ctx: PayloadContext, notes: PlannedUpdate['notes']): UpdatePayload {
  if (cpus === null) {
    if (ctx.product === 'docker' && ctx.cpu.nanoCpus > 0) {
      notes.push({
        field: 'cpus',
        text: `CPU limit removed. ${stickyNanoCpus} A CPU limit set later holds only until the container restarts; recreate it to limit CPU permanently.`,
      });
    }
    return { CpuQuota: -1 };
  }
  if (ctx.product === 'docker' && ctx.cpu.nanoCpus > 0) {
    if (ctx.cpu.quota < 0) {
      notes.push({
        field: 'cpus',
        text: `The engine applies this CPU limit now, but the container will start unlimited after a restart: ${stickyNanoCpus} Recreate the container to limit CPU permanently.`,
      });
    }
    return { NanoCpus: Math.round(cpus * 1e9) };
  }
  const period = ctx.cpu.period > 0 ? ctx.cpu.period : DEFAULT_CFS_PERIOD_US;
  // The period is sent only when none is stored, so the quota means cores at a known period.
  return { CpuQuota: Math.round(cpus * period), ...(ctx.cpu.period > 0 ? {} : { CpuPeriod: period }) };
}

/**
 * Memory and memory+swap always travel together: Docker refuses a memory limit above the stored MemorySwap
 * ("update the memoryswap at the same time") and never applies MemorySwap -1 live (only values > 0 reach the
 * kernel), so unlimited is the kernel's own maximum for both. A kernel without swap accounting gets no MemorySwap.
 */
function memoryPayload(to: ContainerLimits, ctx: PayloadContext): UpdatePayload {
  const payload: UpdatePayload = { Memory: to.memoryBytes ?? KERNEL_UNLIMITED_BYTES };
  if (ctx.swapLimitSupported) payload.MemorySwap = to.memorySwapBytes ?? KERNEL_UNLIMITED_BYTES;
  return payload;
}

export function planUpdate(from: ContainerLimits, to: ContainerLimits, ctx: PayloadContext): PlannedUpdate {
  const fields = changedFields(from, to);
  const notes: PlannedUpdate['notes'] = [];
  let payload: UpdatePayload = {};
  if (fields.includes('cpus')) payload = { ...payload, ...cpuPayload(to.cpus, ctx, notes) };
  // 0 would be ignored; the kernel's default weight is what "default" means.
  if (fields.includes('cpuShares')) payload.CpuShares = to.cpuShares ?? DEFAULT_CPU_SHARES;
  // An empty cpuset is ignored ("leave as is"): every core is the unrestricted set.
  if (fields.includes('cpusetCpus')) payload.CpusetCpus = to.cpusetCpus ?? formatCpuset(engineCores(ctx.engineCpus));
  if (fields.includes('memoryBytes') || fields.includes('memorySwapBytes'))
    payload = { ...payload, ...memoryPayload(to, ctx) };
  // 0 is ignored; -1 sets the kernel's soft limit back to unlimited, live and at restart.
  if (fields.includes('memoryReservationBytes')) payload.MemoryReservation = to.memoryReservationBytes ?? -1;
  // The engine turns 0 and -1 into "unlimited"; Podman reads 0 as "its default", so -1.
  if (fields.includes('pidsLimit')) payload.PidsLimit = to.pidsLimit ?? -1;
  if (fields.includes('restartPolicy'))
    payload.RestartPolicy = { Name: to.restartPolicy.name, MaximumRetryCount: to.restartPolicy.maximumRetryCount };
  return { payload, fields, notes };
}
