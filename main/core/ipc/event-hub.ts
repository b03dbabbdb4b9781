// Fans out the core's pushed events to every transport that listens (Electron windows, WebSocket clients).
// Only the transports (and test harnesses) listen here: services hold just `emit` (Pick<EventHub, 'emit'>), and
// hear each other through typed listeners of their own (EngineLink's onStatus, onEngineEvent, onConnected).
import type { EventName, EventPayloads } from '../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
