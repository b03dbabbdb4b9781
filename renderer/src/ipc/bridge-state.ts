// The state of the WebSocket bridge to the Berth core, as the status bar shows it.
import type { ReadableStore } from '../lib/store';

export type BridgeState =
  /** `reconnecting`: the bridge was open before, so the UI says "reconnecting" rather than "connecting". */
  | { state: 'connecting'; attempt: number; reconnecting: boolean }
  /** `reconnected`: this is not the first open, so data fetched before may be stale. */
  | { state: 'open'; since: number; reconnected: boolean }
  /** `retryAt` is null when no retry is scheduled (disposed, or nothing to connect to). */
  | { state: 'closed'; reason: string; retryAt: number | null; attempt: number };

/** A transport's connection to the core, when it has one that can drop (the WebSocket bridge). */
export interface Bridge {
  readonly state: ReadableStore<BridgeState>;
  /** Skips the backoff wait and tries at once; does nothing unless closed. */
  reconnectNow(): void;
}

/** What a close event says, in words: the code alone means little to a user. */
export function describeClose(code: number, reason: string): string {
  const said = reason ? `: ${reason}` : '';
  switch (code) {
    case 1000:
      return `closed by the core${said}`;
    case 1001:
      return `the core is shutting down${said}`;
    case 1006:
      return 'connection lost';
    case 1008:
      return `refused by the core${said || ' (is the token in the address still valid?)'}`;
    default:
      return `closed with code ${code}${said}`;
  }
}

/**
 * Calls `catchUp` each time the bridge opens with something missed: after a drop (events were lost) or after
 * a failed attempt (requests made while closed failed with TRANSPORT_CLOSED). The first clean open needs
 * nothing, since requests made before it wait for it. Returns the unsubscribe.
 */
export function onBridgeCatchUp(bridge: Bridge, catchUp: () => void): () => void {
  let failedSinceOpen = bridge.state.get().state === 'closed';
  return bridge.state.subscribe(() => {
    const state = bridge.state.get();
    if (state.state === 'closed') failedSinceOpen = true;
    if (state.state !== 'open') return;
    if (state.reconnected || failedSinceOpen) catchUp();
    failedSinceOpen = false;
  });
}
