// "The engine" the services and the UI work with: whichever of the registry's engines is active. It forwards
// the active engine's status (to its status listeners, then to the windows as `engine:status`), events and
// reconnections, and on a switch tells every service to resync as after a reconnection, so switching is instant
// and no service knows there are several.
import type Dockerode from 'dockerode';
import type { EngineInfo, EngineStatus } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { EngineConnection } from '../connection/engine-connection';
import type { EngineEvent } from '../connection/engine-event';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import type { GuestStatsSource } from '../guest-stats/guest-source';
import type { EngineProvider } from './engine-provider';

/** One engine as the active engine sees it: its connection and its provider. */
export interface SwitchTarget {
  connection: EngineConnection;
  /** For what only the provider knows (the in-guest stats stream of a VM). */
  provider?: Pick<EngineProvider, 'guestStats'>;
}

export class ActiveEngine implements EngineLink {
  private target: SwitchTarget | null = null;
  private detach: Array<() => void> = [];
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly connectedListeners = new Set<(info: EngineInfo) => void>();
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();
  private readonly noneSince = Date.now();
  private settled = false;
  private resolveReady: () => void = () => undefined;
  /** Resolves once the registry has chosen the first active engine (or none). */
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  /** `hub`: where the windows hear `engine:status`. */
  constructor(
    private readonly hub: Pick<EventHub, 'emit'>,
    private readonly log: Logger,
  ) {}

  get status(): EngineStatus {
    if (this.target) return this.target.connection.status;
    // Before the registry has read its settings there is no choice yet: that is connecting, not a failure.
    if (!this.settled) return { state: 'connecting', endpoint: null, since: this.noneSince };
    return {
      state: 'unreachable',
      endpoint: null,
      reason: 'No engine is active: choose one on the Engine page.',
      since: this.noneSince,
      retryAt: null,
    };
  }

  client(): Dockerode {
    if (!this.target)
      throw new BerthError(
        'ENGINE_UNREACHABLE',
        this.status.state === 'unreachable' ? this.status.reason : 'No engine is active.',
      );
    return this.target.connection.client();
  }

  async reconnect(): Promise<EngineStatus> {
    await this.ready;
    return this.target ? this.target.connection.reconnect() : this.status;
  }

  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnected(listener: (info: EngineInfo) => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** Called with the active engine's every status, and with the new one's (or none's) on a switch. */
  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  guestStats(intervalMs: number): GuestStatsSource | null {
    return this.target?.provider?.guestStats?.(intervalMs) ?? null;
  }

  isActive(connection: EngineConnection): boolean {
    return this.target?.connection === connection;
  }

  /** Makes `target` the active engine (null: none); services resync at once when it is connected. */
  switchTo(target: SwitchTarget | null): void {
    this.settled = true;
    this.resolveReady();
    if (this.target?.connection === target?.connection && this.target) return;
    for (const detach of this.detach.splice(0)) detach();
    this.target = target;
    if (target) {
      this.detach = [
        target.connection.onEngineEvent((event) => {
          for (const listener of [...this.eventListeners]) listener(event);
        }),
        target.connection.onConnected((info) => this.announceConnected(info)),
        target.connection.onStatus((status) => this.publishStatus(status)),
      ];
    }
    const status = this.status;
    this.publishStatus(status);
    if (status.state === 'connected') this.announceConnected(status.info);
  }

  /** The services (stats pauses while the engine is away) hear a status before the windows do. */
  private publishStatus(status: EngineStatus): void {
    for (const listener of [...this.statusListeners]) listener(status);
    this.hub.emit('engine:status', status);
  }

  private announceConnected(info: EngineInfo): void {
    for (const listener of [...this.connectedListeners]) {
      try {
        listener(info);
      } catch (error) {
        this.log.error('[engines] a service failed to resync with the active engine', error);
      }
    }
  }
}
