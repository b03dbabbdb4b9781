// Owns the one interface both stats collectors implement (cgroup files read here, or the engine's stats API),
// what they learn about a container from the engine, and the two ways opening one can fail.
import type { StatsCollectorKind } from '../../shared/stats-types';
import type { RawReading } from './derive';

/** What the stats service knows about a running container from one inspect. */
export interface ContainerFacts {
  id: string;
  /** Without the engine's leading slash. */
  name: string;
  running: boolean;
  /** The container's init process, as the engine's host sees it; 0 when not running. */
  pid: number;
  /** `host` network: the container has no network counters of its own (docker stats shows none either). */
  hostNetwork: boolean;
  /** Limits from HostConfig, for collectors that cannot read the kernel's own values. NaN = unlimited. */
  cpuLimitCores: number;
  memorySwapBytes: number;
  pidsLimit: number;
}

/** What collectors need to know about the engine they serve (from `/info`). */
export interface EngineFacts {
  /** `1`, `2`, or '' when the engine did not say. */
  cgroupVersion: string;
  hostMemoryBytes: number;
}

/** How a read went; numbers rather than objects so a tick allocates nothing per container. */
export const ReadStatus = {
  /** New values are in the reading. */
  Fresh: 0,
  /** Nothing new since the last read (the engine's stream has not sent another frame yet). */
  Stale: 1,
  /** The container is gone or no longer readable; `goneReason` says why. The handle is done. */
  Gone: 2,
} as const;
export type ReadStatus = (typeof ReadStatus)[keyof typeof ReadStatus];

/** Collection of one container by one collector; the service owns its life. */
export interface StatsHandle {
  /**
   * `carryMs`: a collector may carry counters other than CPU time over from a read less than this old when the
   * container's CPU time did not move (the cgroup collector does); 0 reads everything.
   */
  read(into: RawReading, carryMs?: number): ReadStatus;
  readonly goneReason: string;
  /** The engine reported an `update` of the container: its limits may have changed. */
  limitsChanged(facts: ContainerFacts): void;
  /** The engine reported an OOM in the container (collectors without a kernel counter count these). */
  oomReported(): void;
  /** Ends collection: closes files or aborts the stream. Idempotent. */
  close(): void;
}

export interface Collector {
  readonly kind: StatsCollectorKind;
  /** Starts collecting a running container; throws CollectorUnavailableError or ContainerGoneError. */
  open(facts: ContainerFacts, engine: EngineFacts): StatsHandle;
  dispose(): void;
}

/** This collector cannot read that container from here (remote engine, other host or VM, no permission). */
export class CollectorUnavailableError extends Error {
  override readonly name = 'CollectorUnavailableError';
}

/** The container stopped between the inspect and the open: not a failure, the series just has not begun. */
export class ContainerGoneError extends Error {
  override readonly name = 'ContainerGoneError';
}
