// The WebSocket bridge's state for components; null in Electron, where there is no bridge to lose.
import { useSyncExternalStore } from 'react';
import type { BridgeState } from '../ipc/bridge-state';
import { useBerthClient } from './client-context';

const noBridge = {
  subscribe: () => () => undefined,
  get: () => null,
};

export function useBridgeState(): BridgeState | null {
  const bridge = useBerthClient().bridge;
  const store = bridge?.state ?? noBridge;
  return useSyncExternalStore(store.subscribe, store.get);
}
