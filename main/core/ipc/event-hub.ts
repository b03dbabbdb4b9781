// Fans out the core's pushed events to every transport that listens (Electron windows, WebSocket clients).
// Only the transports (and test harnesses) listen here: services hold just `emit` (Pick<EventHub, 'emit'>), and
// hear each other through typed listeners of their own (EngineLink's onStatus, onEngineEvent, onConnected).
// An event is for every client, or (emitTo) for the one client that owns it: a log follow or a terminal
// session belongs to the window that opened it, and the others need not carry its bytes.
import type { EventName, EventPayloads } from '../../shared/contract';

/** `to` is a client id (ClientContext.id) when the event is for that client only; undefined means everyone. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E], to?: string) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  /** Sends an event to one client only; the transports drop it when that client is gone. */
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventPayloads[E]): void {
    for (const listener of [...this.listeners]) listener(event, payload, clientId);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
