// Feeding the store from a client: events, the list on start, and the list again when the bridge reopens
// after a drop (a reloaded or reconnected window reattaches to transfers still running in the core).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transfer } from '../../../main/shared/transfer-types';
import type { BridgeState } from '../../../renderer/src/ipc/bridge-state';
import { createStore } from '../../../renderer/src/lib/store';
import { createTransferStore } from '../../../renderer/src/transfers/transfer-store';
import { syncTransfers, type TransferClient } from '../../../renderer/src/transfers/transfer-sync';
import { transfer } from '../../main/shared/transfer-fixtures';

function fakeClient(lists: Transfer[][], withBridge = true) {
  const listeners = new Set<(payload: Transfer) => void>();
  const state = createStore<BridgeState>({ state: 'connecting', attempt: 0, reconnecting: false });
  const invoke = vi.fn(async () => lists.shift() ?? []);
  const client = {
    invoke,
    on: (_event: string, listener: (payload: Transfer) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bridge: withBridge ? { state, reconnectNow: () => undefined } : null,
  } as unknown as TransferClient;
  const emit = (payload: Transfer) => listeners.forEach((listener) => listener(payload));
  return { client, invoke, state, emit };
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('syncTransfers', () => {
  it('lists transfers on start and merges progress events', async () => {
    const { client, invoke, emit } = fakeClient([[transfer({ id: 'a', currentBytes: 5 })]], false);
    const store = createTransferStore();
    stops.push(syncTransfers(client, store));
    await vi.waitFor(() => expect(store.get()).toHaveLength(1));
    expect(invoke).toHaveBeenCalledWith('transfers:list', {});
    emit(transfer({ id: 'a', currentBytes: 9 }));
    expect(store.get()[0]!.currentBytes).toBe(9);
  });

  it('reattaches with a fresh list when the bridge reopens after a drop, not on the first open', async () => {
    const { client, invoke, state } = fakeClient([[transfer({ id: 'a' })], [transfer({ id: 'b' })]]);
    const store = createTransferStore();
    stops.push(syncTransfers(client, store));
    state.set({ state: 'open', since: 1, reconnected: false });
    await vi.waitFor(() => expect(store.get().map((t) => t.id)).toEqual(['a']));
    expect(invoke).toHaveBeenCalledTimes(1);
    state.set({ state: 'closed', reason: 'connection lost', retryAt: 2, attempt: 1 });
    state.set({ state: 'open', since: 3, reconnected: true });
    await vi.waitFor(() => expect(store.get().map((t) => t.id)).toEqual(['b']));
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('keeps the last known transfers when the list fails', async () => {
    const { client, emit } = fakeClient([], false);
    (client.invoke as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('bridge closed'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createTransferStore();
    emit(transfer());
    stops.push(syncTransfers(client, store));
    emit(transfer({ id: 'x' }));
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[transfers] could not list transfers')),
    );
    expect(store.get().map((t) => t.id)).toEqual(['x']);
    warn.mockRestore();
  });
});
