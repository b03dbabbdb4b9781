// What the Inspect and Isolation tabs show of one container: the engine's inspect JSON as it sent it, the
// readable sections taken from it, its processes (host and container PIDs) and its filesystem changes.
import type { PortBinding } from './container-types';

export interface KeyValue {
  key: string;
  value: string;
}

export interface MountView {
  /** `bind`, `volume`, `tmpfs`, … as the engine says. */
  type: string;
  /** The host path of a bind, the volume's name for a volume. */
  source: string;
  destination: string;
  readOnly: boolean;
  /** The volume's name (volumes only), for a link to the Volumes page. */
  volumeName: string | null;
}

export interface NetworkView {
  name: string;
  ipAddress: string | null;
  /** `172.17.0.2/16` when the engine gave the prefix length. */
  cidr: string | null;
  ipv6Address: string | null;
  macAddress: string | null;
  gateway: string | null;
  aliases: string[];
}

export interface HealthCheckRun {
  start: string;
  end: string;
  exitCode: number;
  output: string;
}

export interface HealthView {
  /** `starting`, `healthy`, `unhealthy` (or `none`). */
  status: string;
  failingStreak: number;
  /** The engine keeps the last five runs; newest last, as it sends them. */
  log: HealthCheckRun[];
  /** The configured test (`CMD-SHELL curl -f …`), when the container has one. */
  test: string[] | null;
}

export interface StateView {
  status: string;
  running: boolean;
  paused: boolean;
  pid: number;
  exitCode: number;
  error: string;
  oomKilled: boolean;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ContainerInspectView {
  id: string;
  name: string;
  image: string;
  hostname: string;
  /** Together with `args`, what PID 1 runs: the entrypoint (or the command) and the rest. */
  path: string;
  args: string[];
  entrypoint: string[] | null;
  command: string[] | null;
  workingDir: string;
  user: string;
  env: KeyValue[];
  labels: KeyValue[];
  mounts: MountView[];
  ports: PortBinding[];
  networkMode: string;
  networks: NetworkView[];
  health: HealthView | null;
  restartCount: number;
  state: StateView;
  /** The engine's inspect JSON, every field as it sent it. */
  raw: Record<string, unknown>;
}

export interface ProcessView {
  /** The PID as the host (the engine's own PID namespace) sees it: what `docker top` lists. */
  hostPid: number | null;
  /** The PID inside the container's namespace (1 for its main process); null when not known. */
  containerPid: number | null;
  /** The other columns of the engine's answer, matching `titles`. */
  values: string[];
}

export interface ContainerTopView {
  /** The engine's column titles without its PID columns (`UID`, `PPID (host)`, …, `CMD`). */
  titles: string[];
  processes: ProcessView[];
  /** Why container (or host) PIDs are absent, in a sentence (an engine not on this computer…); null when present. */
  containerPidsUnavailable: string | null;
}

/** `A` added, `C` changed, `D` deleted: the letters of `docker diff`. */
export type FileChangeKind = 'A' | 'C' | 'D';

export interface FileChange {
  path: string;
  kind: FileChangeKind;
}

export interface ContainerChangesView {
  changes: FileChange[];
}
