// Resource limits of a container as the UI edits them, what the engine can change on this machine, and the
// results of applying them. null always means "unlimited" (or "default" for shares and cpuset).

export const restartPolicyNames = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicyName = (typeof restartPolicyNames)[number];

export interface RestartPolicy {
  name: RestartPolicyName;
  /** Only for on-failure; 0 = retry forever. */
  maximumRetryCount: number;
}

export interface ContainerLimits {
  /** CPU limit in cores (fractional), null = unlimited. */
  cpus: number | null;
  /** Relative CPU weight (the engine's default is 1024), null = default. */
  cpuShares: number | null;
  /** Cores the container may run on, in the engine's syntax (`0-1,3`), null = all cores. */
  cpusetCpus: string | null;
  memoryBytes: number | null;
  /** Soft limit the kernel reclaims towards under pressure; null = none. */
  memoryReservationBytes: number | null;
  /** Memory + swap; null = unlimited swap. Equal to memoryBytes = no swap. */
  memorySwapBytes: number | null;
  pidsLimit: number | null;
  restartPolicy: RestartPolicy;
}

/** A change request: only the fields present change; each present field may be null to remove that limit. */
export type LimitsChange = Partial<ContainerLimits>;

export interface LimitsCapabilities {
  /** CPUs the engine reports (the VM's on macOS/Windows). */
  engineCpus: number;
  /** Core numbers cpuset may use. */
  cores: number[];
  engineMemoryBytes: number;
  /** False when the kernel does not account swap: memorySwapBytes cannot be set. */
  swapLimitSupported: boolean;
  /** Limits this engine or container cannot change live, with why (shown as such in the UI, not failed). */
  fixed: Array<{ field: keyof ContainerLimits; reason: string }>;
  /** What this engine does with a live change of this container, said once at the top of the Limits panel. */
  notice?: string;
}

export interface ContainerLimitsView {
  id: string;
  name: string;
  running: boolean;
  limits: ContainerLimits;
  capabilities: LimitsCapabilities;
  /** Whether an undo is available (a previous apply of this core session). */
  canUndo: boolean;
}

export interface LimitsApplyResult {
  id: string;
  before: ContainerLimits;
  /** What the engine enforces now, read back after the update. */
  after: ContainerLimits;
  warnings: string[];
}

export type BulkLimitsResult = Array<
  | { id: string; name: string; ok: true; result: LimitsApplyResult }
  | { id: string; name: string; ok: false; error: { code: string; message: string } }
>;

export interface LimitsSuggestion {
  id: string;
  suggested: LimitsChange;
  /** What the suggestion was derived from, shown beside it. */
  basis: {
    samples: number;
    windowSeconds: number;
    cpuP95Percent: number | null;
    cpuPeakPercent: number | null;
    memPeakBytes: number | null;
    headroomPercent: number;
  };
  explanation: string;
}
