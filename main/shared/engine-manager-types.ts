// The engines Berth knows (discovered, Berth-owned, remote over SSH, the VM), what each one's provider is doing
// and how its connection stands, as the Engine page and the status bar show them.
import type { EngineStatus } from './engine-types';

export type EngineKind = 'existing' | 'berth-dockerd' | 'ssh' | 'vm';

/** What Berth is doing with the engine's process (or VM); `external` when something else runs it. */
export type ProviderState = 'starting' | 'running' | 'stopping' | 'stopped' | 'external';

/**
 * How a normal user's Berth runs its own dockerd: `auto` (rootless where its limits work, else the privileged
 * helper when installed), or one of them outright. A root Berth runs it as root whatever this says.
 */
export type OwnedRunAs = 'auto' | 'rootless' | 'helper';

/** What Berth keeps in its settings file for each engine it was told about (the discovered one is not kept). */
export type EngineConfig =
  | {
      id: string;
      name: string;
      kind: 'berth-dockerd';
      /** Absent (older files): auto. */
      runAs?: OwnedRunAs;
    }
  | {
      id: string;
      name: string;
      kind: 'ssh';
      /** `ssh://user@host[:port]`. */
      host: string;
      /** A private key file; null: the user's ssh agent (`SSH_AUTH_SOCK`). */
      identityFile: string | null;
      /** The engine's socket on the remote machine. */
      socketPath: string;
    }
  | {
      /** `vm-<name>`. */
      id: string;
      name: string;
      kind: 'vm';
      cpus: number;
      memoryMiB: number;
      /** The data disk's size; growing it grows the guest's filesystem at the next boot. */
      diskGiB: number;
      /** Start with Berth even when it is not the active engine. */
      startWithBerth: boolean;
      /** Power the VM off after this many minutes without a running container; null: never. */
      idleStopMinutes: number | null;
      /** Host folders the guest mounts at the same path (virtio-9p); absent: the user's home. */
      sharedFolders?: string[];
      /** Stop (and quitting Berth) saves the VM's state and Start resumes it; absent (older files): true. */
      suspendOnStop?: boolean;
    };

export interface EngineView {
  id: string;
  name: string;
  kind: EngineKind;
  /** Where Berth connects: `unix:///…/docker.sock`, `ssh://me@box`. */
  host: string;
  active: boolean;
  providerState: ProviderState;
  /** The connection's own status (connecting / connected with info / unreachable with reason). */
  connection: EngineStatus;
  canStart: boolean;
  canStop: boolean;
  /** Why Berth cannot start or stop it (e.g. `Managed by systemd: systemctl start docker`), or null. */
  controlReason: string | null;
  /** The docker context Berth keeps for it (`berth`, `berth-<name>`), so the docker CLI reaches it too. */
  dockerContext: string | null;
  /** False for the engine found in the environment (DOCKER_HOST, context, default socket). */
  removable: boolean;
  /**
   * Berth's own dockerd: whether it runs as root (a root Berth), rootless, or as root through Berth's privileged
   * helper, why, and what that means here (e.g. no limits on cgroup v1). Absent where it cannot run at all.
   */
  ownedMode?: {
    /** null: the engine cannot run here as its setting asks; the note says why. */
    mode: 'root' | 'rootless' | 'helper' | null;
    /** The engine's setting (auto, rootless, helper); the mode is what it gave on this machine. */
    runAs: OwnedRunAs;
    note: string;
    /** Whether --cpus/--memory/--pids-limit take effect: a rootless engine on cgroup v1 stores them and ignores them. */
    limits: boolean;
  };
  /** VM engines: host ms since QEMU started at which each boot phase was seen (qemu, init, ssh, engine, ready). */
  bootPhases?: Array<{ phase: string; atMs: number }>;
  /** VM engines: what the VM was given (its settings), and the accelerator of the running VM. */
  vm?: {
    cpus: number;
    memoryMiB: number;
    diskGiB: number;
    accel?: string;
    /** Its shared folders setting (else the user's home), as the next start mounts them. */
    sharedFolders?: string[];
    /** The folders the running VM mounted at its start; null when it is not running. */
    mountedFolders?: string[] | null;
  };
  /** VM engines: each port the VM's containers publish, as forwarded to this computer, problems included. */
  portForwards?: PortForwardView[];
  /** Engines over SSH whose host key is not in known_hosts yet: the question to answer (`engines:trust-host-key`). */
  hostKey?: HostKeyQuestion;
}

/** One published port of a container in a VM, listening on this computer at the same port (or why not). */
export interface PortForwardView {
  protocol: 'tcp' | 'udp' | 'sctp';
  hostPort: number;
  /**
   * Where it really listens on this computer: of `127.0.0.1` and `::1` (or `0.0.0.0` and `::`, Settings → Published
   * ports), those whose listener is open; one that failed is left out and its reason is in `problem`.
   */
  hostAddresses: string[];
  containerId: string;
  containerName: string;
  /** `qemu`: QEMU's user network forwards it; `ssh`: through the VM's SSH connection (a port bound on the guest's loopback). */
  via: 'qemu' | 'ssh';
  /** Why it is not (fully) listening, e.g. the host port is taken by another program; null when it is. */
  problem: string | null;
}

/** What a running VM uses, read in the guest (`engines:vm-usage`). */
export interface VmUsage {
  memTotalBytes: number;
  /** MemTotal − MemAvailable: what the guest could not hand out without swapping. */
  memUsedBytes: number;
  /** Busy time over one second, in % of all the VM's CPUs (100 = all busy). */
  cpuBusyPercent: number;
  /** The engine's data filesystem (`/var/lib/berth`). */
  diskTotalBytes: number;
  diskUsedBytes: number;
  /** QEMU's resident memory on the host (VmRSS), null where it cannot be read (not a Linux host). */
  hostMemBytes: number | null;
  /** The data disk file's allocated blocks on the host (not its apparent size), null where unreadable. */
  hostDiskBytes: number | null;
}

/** What `engines:vm-compact` did: the guest's fstrim, and the data disk file's allocated size around it. */
export interface VmCompactResult {
  /** What fstrim says it discarded (free space it told the disk about, not all of it was allocated). */
  trimmedBytes: number;
  beforeBytes: number;
  afterBytes: number;
  /** beforeBytes − afterBytes, never below 0. */
  shrunkBytes: number;
}

export interface DiskUsageRow {
  count: number;
  /** In use by containers (images, volumes) or running (containers). */
  active: number;
  sizeBytes: number;
  reclaimableBytes: number;
}

/** `docker system df`, from the engine's `/system/df`. */
export interface EngineDiskUsage {
  images: DiskUsageRow;
  containers: DiskUsageRow;
  volumes: DiskUsageRow;
  buildCache: DiskUsageRow;
}

/** A remote engine's SSH host key that is not in known_hosts yet: the user decides, seeing its fingerprint. */
export interface HostKeyQuestion {
  host: string;
  port: number;
  keyType: string;
  /** `SHA256:…`, as `ssh` prints it. */
  fingerprint: string;
}

export type AddRemoteResult =
  { outcome: 'added'; engine: EngineView } | { outcome: 'trust-needed'; hostKey: HostKeyQuestion };
