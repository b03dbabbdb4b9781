// What a hypervisor backend does for the VM provider: boot the guest until its engine answers, stop it (asked
// first, forced after a deadline), save and resume it or say why it cannot, and describe how host folders,
// published ports and freed memory reach the host on it. QEMU (qemu-backend.ts) runs on Linux, vfkit
// (vfkit-backend.ts, Apple's Virtualization.framework) on macOS, WSL2 (wsl-backend.ts) on Windows;
// select-backend.ts picks one. The provider keeps what is the same for all of them (the SSH connection, the
// docker context, the stats, the Engine page).
import type { BackendState } from './backend-state';

export type BackendKind = 'qemu' | 'vfkit' | 'wsl2';

/** A capability a backend has (and how it does it), or lacks (and why not, in words for the log and the page). */
export type Capability = { supported: true; how: string } | { supported: false; reason: string };

/** How the guest engine is reached once `start` resolves. */
export type EngineAccess =
  /** An SSH server on this computer's loopback (QEMU's forward, WSL's localhost forwarding); the engine's socket over it. */
  | {
      kind: 'ssh';
      host: '127.0.0.1';
      port: number;
      user: string;
      /** The guest's host key when the backend read it over a trusted channel (WSL); QEMU pins it from the console. */
      hostKey?: { keyType: string; key: string };
    }
  /** The engine's own socket as a unix socket on this computer (vfkit's vsock device), plus SSH on another one. */
  | { kind: 'unix'; engineSocket: string; sshSocket: string; user: string };

/** How a host folder appears in the guest. */
export interface ShareTraits {
  mechanism: 'virtiofs-or-9p' | 'virtiofs' | 'drvfs-automount';
  /** The guest's path for a host folder; null when the backend cannot show that folder in the guest at all. */
  guestPath(hostPath: string): string | null;
  how: string;
}

/** How a port a container publishes in the guest becomes a port on this computer. */
export interface PortForwardTraits {
  /** `automatic`: the hypervisor forwards by itself (WSL2's localhost forwarding); Berth only watches. */
  mode: 'qmp-hostfwd' | 'relay' | 'automatic';
  how: string;
}

/** How memory the guest frees goes back to the host. */
export interface MemoryGiveBackTraits {
  mechanism: 'balloon-free-page-reporting' | 'balloon' | 'wsl-auto-memory-reclaim';
  how: string;
}

export interface BackendTraits {
  kind: BackendKind;
  shares: ShareTraits;
  portForwards: PortForwardTraits;
  memoryGiveBack: MemoryGiveBackTraits;
  /** Saving the running machine's state to a file and resuming it later (a warm start). */
  saveResume: Capability;
}

/** How a stop ended: the guest shut down when asked, or the backend had to force it after the deadline. */
export type StopOutcome = 'graceful' | 'forced';

export type StateListener = (state: BackendState, why: string | null) => void;

export interface VmBackend {
  readonly traits: BackendTraits;
  state(): BackendState;
  /** Why the backend is `failed` (what the hypervisor said), else null. */
  failure(): string | null;
  onState(listener: StateListener): () => void;
  /** stopped|failed → starting → running; resolves once the guest engine answers. Rejects (and ends `failed`) otherwise. */
  start(): Promise<EngineAccess>;
  /** running|starting → stopping → stopped: asks the guest, forces it once `deadlineMs` passed. */
  stop(deadlineMs: number): Promise<StopOutcome>;
  /** running → saving → stopped with the state on disk; rejects with the capability's reason when unsupported. */
  save(): Promise<void>;
  /** stopped with a saved state → starting → running; rejects with the capability's reason when unsupported. */
  resume(): Promise<EngineAccess>;
}

/** The error `save`/`resume` reject with on a backend that cannot: its reason, as the traits say it. */
export class UnsupportedByBackend extends Error {
  constructor(
    readonly kind: BackendKind,
    what: string,
    reason: string,
  ) {
    super(`${what} is not supported by the ${kind} backend: ${reason}`);
  }
}

/** The rejection of `save` and `resume` for a backend whose traits say unsupported (or a resolved check otherwise). */
export function unsupported(traits: BackendTraits, what: 'save' | 'resume'): UnsupportedByBackend | null {
  const { saveResume } = traits;
  return saveResume.supported ? null : new UnsupportedByBackend(traits.kind, what, saveResume.reason);
}
