// What every kind of engine offers the registry: where to connect, whether and how Berth can start and stop
// it, and its log. The discovered engine, a Berth-owned dockerd, a remote engine over SSH and the VM each
// implement it; the registry and the Engine page know nothing else about them.
import type Dockerode from 'dockerode';
import type { EngineKind, EngineView, ProviderState } from '../../shared/engine-manager-types';
import type { DiscoveryResult, EngineTarget } from '../connection/discover';
import type { EngineLink } from '../connection/engine-link';
import type { GuestStatsSource } from '../guest-stats/guest-source';

export interface ProviderControl {
  canStart: boolean;
  canStop: boolean;
  /** Why Berth cannot start or stop it, in words the user can act on; null when it can. */
  reason: string | null;
}

/** New log lines, a state (repeated to refresh the views), or `ports`: a VM's forwarded ports changed. */
export interface ProviderChange {
  state?: ProviderState;
  lines?: string[];
  ports?: boolean;
}

export interface EngineProvider {
  readonly kind: EngineKind;
  /** Shown as the engine's address (`unix:///run/berth/x/docker.sock`, `ssh://me@box`). */
  readonly host: string;
  /** Where to connect now; EngineConnection calls it on every (re)connection attempt. */
  discover(): Promise<DiscoveryResult> | DiscoveryResult;
  /** A client for a target, when the default (dockerode over the target's address) is not right (SSH). */
  createClient?(target: EngineTarget): Dockerode;
  state(): ProviderState;
  control(): ProviderControl;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Recent log lines, oldest first (empty when Berth does not see the engine's log). */
  logs(): string[];
  /** Calls back with new log lines and with every state change; returns the unsubscribe. */
  onChange(listener: (change: ProviderChange) => void): () => void;
  /** What the user can do when it does not answer (ends the unreachable reason); a local-engine hint when absent. */
  readonly startHint?: string;
  /** The docker context Berth keeps for this engine, or null. */
  dockerContext(): string | null;
  /**
   * Engines in a VM: the in-guest stats collector's stream at `intervalMs` (one line per tick for all
   * containers), or null while it cannot run (VM not up). Must start nothing until its lines are read:
   * `guestStatsOverSsh` (guest-stats/guest-ssh-source.ts) over the provider's SSH connection does just that.
   */
  guestStats?(intervalMs: number): GuestStatsSource | null;
  /** Releases connections and listeners; the registry calls `stop` first for an engine Berth runs. */
  dispose(): Promise<void>;
  /** What more this kind of engine shows on the Engine page (a VM: its boot phases and size). */
  viewFacts?(): Partial<Pick<EngineView, 'bootPhases' | 'vm' | 'hostKey' | 'portForwards' | 'ownedMode'>>;
  /** VM engines: follows the engine's events and reconnections to keep published ports forwarded; returns the stop. */
  watchEngine?(link: Pick<EngineLink, 'onEngineEvent' | 'onConnected'>): () => void;
  /** VM engines: why a container's published port is not reachable on this computer, if it is not. */
  portProblem?(containerId: string, protocol: string, hostPort: number): string | undefined;
  /** VM engines: brings the forwarded ports up to date now (a setting they follow changed). */
  resyncPorts?(): void;
  /** Engines reached over SSH: adds the host key the view asks about to known_hosts, if it still has that fingerprint. */
  trustHostKey?(fingerprint: string): Promise<void>;
  /** Removes what Berth created for it (docker context; with deleteData its data folder). Called after stop. */
  remove?(options: { deleteData: boolean }): Promise<void>;
}
