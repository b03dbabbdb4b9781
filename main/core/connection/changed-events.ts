// Owns turning engine events into one `*:changed` hub event (containers, images) and sending a `resync` after
// every (re)connection: events missed while Berth was away from the engine could have changed anything.
import type { EventPayloads } from '../../shared/contract';
import type { EventHub } from '../ipc/event-hub';
import type { EngineEvent } from './engine-connection';
import type { EngineLink } from './engine-link';

export type ChangedEvent = 'containers:changed' | 'images:changed';
export type Change = EventPayloads[ChangedEvent];

/** `toChange` returns null for an engine event the list does not care about. Returns the unsubscribe. */
export function forwardChanges(
  connection: Pick<EngineLink, 'onEngineEvent' | 'onConnected'>,
  hub: Pick<EventHub, 'emit'>,
  event: ChangedEvent,
  toChange: (engineEvent: EngineEvent) => Change | null,
): () => void {
  const stops = [
    connection.onEngineEvent((engineEvent) => {
      const change = toChange(engineEvent);
      if (change) hub.emit(event, change);
    }),
    connection.onConnected(() => hub.emit(event, { id: null, action: 'resync' })),
  ];
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
