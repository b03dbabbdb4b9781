// What the services need of "the engine": its status and its changes, a client, its event stream and reconnections. One
// EngineConnection provides it for one engine; the ActiveEngine (engines/active-engine.ts) provides it for
// whichever engine is active, so switching engines needs no service to change.
import type Dockerode from 'dockerode';
import type { EngineInfo, EngineStatus } from '../../shared/engine-types';
import type { GuestStatsSource } from '../guest-stats/guest-source';
import type { EngineEvent } from './engine-event';

export interface EngineLink {
  readonly status: EngineStatus;
  /** The engine client; throws ENGINE_UNREACHABLE with the current reason when there is no engine. */
  client(): Dockerode;
  reconnect(): Promise<EngineStatus>;
  /** Called with every new status, as it is set (the windows hear it as `engine:status` from the active engine). */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** Every event of the engine's one event stream, parsed. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void;
  /** Called on every (re)connection, so services resync what they may have missed while away. */
  onConnected(listener: (info: EngineInfo) => void): () => void;
  /** The engine's in-guest stats stream (a VM), not started yet; null or absent when it has none. */
  guestStats?(intervalMs: number): GuestStatsSource | null;
}
