// Engine events and bridge reconnects against a real QueryClient: which queries they refresh, and how often.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineView } from '../../../main/shared/engine-manager-types';
import type { EngineStatus } from '../../../main/shared/engine-types';
import type { RawTransport } from '../../../main/shared/transport';
import { containersSettleMs, syncQueriesWithEvents } from '../../../renderer/src/data/event-sync';
import { BerthClient } from '../../../renderer/src/ipc/berth-client';
import type { Bridge, BridgeState } from '../../../renderer/src/ipc/bridge-state';
import { createStore } from '../../../renderer/src/lib/store';

function fakeTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const raw: RawTransport = {
    invoke: async () => ({ ok: true, data: null }),
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
  return { raw, emit };
}

const endpoint = { host: 'unix:///run/docker.sock', source: 'DOCKER_HOST' as const };
const unreachable: EngineStatus = { state: 'unreachable', endpoint, reason: 'ENOENT', since: 1, retryAt: 2 };
const connected = { state: 'connected', endpoint, info: {}, since: 3 } as EngineStatus;

function engines(activeId: string, providerState: EngineView['providerState'] = 'running'): EngineView[] {
  return ['discovered', 'berth-one'].map((id) => ({ id, active: id === activeId, providerState }) as EngineView);
}

describe('syncQueriesWithEvents', () => {
  let queries: QueryClient;
  let fetches: Record<string, number>;
  const stops: Array<() => void> = [];

  beforeEach(() => {
    vi.useFakeTimers();
    queries = new QueryClient({
      defaultOptions: { queries: { networkMode: 'always', retry: false, staleTime: Infinity } },
    });
    fetches = {};
    for (const key of [
      ['containers:list', { all: true }],
      ['images:list', {}],
      ['engine:status', {}],
    ] as const) {
      const observer = new QueryObserver(queries, {
        queryKey: key,
        queryFn: async () => {
          fetches[key[0]] = (fetches[key[0]] ?? 0) + 1;
          return key[0] === 'engine:status' ? unreachable : [];
        },
      });
      stops.push(observer.subscribe(() => undefined));
    }
  });

  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    queries.clear();
    vi.useRealTimers();
  });

  it('refetches the container list once per burst of container events, and once more when they settle', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries, 120));
    await vi.runOnlyPendingTimersAsync();
    expect(fetches['containers:list']).toBe(1);
    for (let i = 0; i < 30; i++) emit('containers:changed', { id: `c${i}`, action: 'start' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['containers:list']).toBe(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(fetches['containers:list']).toBe(3);
    expect(fetches['images:list']).toBe(1);
    // Settled: once more when the events have been quiet a while, since the engine's list can trail them.
    await vi.advanceTimersByTimeAsync(containersSettleMs);
    expect(fetches['containers:list']).toBe(4);
    // A lone event (a container that died): at once, and again once settled.
    emit('containers:changed', { id: 'c1', action: 'die' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['containers:list']).toBe(5);
    await vi.advanceTimersByTimeAsync(containersSettleMs);
    expect(fetches['containers:list']).toBe(6);
    await vi.advanceTimersByTimeAsync(2 * containersSettleMs);
    expect(fetches['containers:list']).toBe(6);
  });

  it('refetches the container list about once a second while container events keep coming', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries, 120));
    await vi.runOnlyPendingTimersAsync();
    expect(fetches['containers:list']).toBe(1);
    // Five events a second for 5 s (two containers created and two removed each second): too far apart for
    // the 120 ms window, each would be a fetch (25) without the budget: 4 at once, then one a second.
    for (let i = 0; i < 25; i++) {
      emit('containers:changed', { id: `c${i}`, action: i % 2 ? 'destroy' : 'create' });
      await vi.advanceTimersByTimeAsync(200);
    }
    const duringStream = fetches['containers:list']! - 1;
    expect(duringStream).toBeGreaterThanOrEqual(8);
    expect(duringStream).toBeLessThanOrEqual(10);
    // The last events' fetch, and once more when they have settled.
    await vi.advanceTimersByTimeAsync(1000 + containersSettleMs);
    expect(fetches['containers:list']! - 1).toBeGreaterThan(duringStream);
  });

  it('refetches the image list once per burst of image events, leaving containers alone', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries, 120));
    await vi.runOnlyPendingTimersAsync();
    for (let i = 0; i < 10; i++) emit('images:changed', { id: `sha256:${i}`, action: 'delete' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['images:list']).toBe(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(fetches['images:list']).toBe(3);
    expect(fetches['containers:list']).toBe(1);
  });

  it('puts engine status in the cache and refetches everything on a switch to connected', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries));
    await vi.runOnlyPendingTimersAsync();
    emit('engine:status', connected);
    expect(queries.getQueryData(['engine:status', {}])).toEqual(connected);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual({ 'containers:list': 2, 'images:list': 2, 'engine:status': 1 });
    // Connected to connected (fresh info) changes nothing else.
    emit('engine:status', { ...connected, since: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['images:list']).toBe(2);
  });

  it('refetches everything when the bridge reopens after a drop, not on the first open', async () => {
    const { raw } = fakeTransport();
    const state = createStore<BridgeState>({ state: 'connecting', attempt: 0, reconnecting: false });
    const bridge: Bridge = { state, reconnectNow: () => undefined };
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'websocket', bridge), queries));
    await vi.runOnlyPendingTimersAsync();
    state.set({ state: 'open', since: 1, reconnected: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['images:list']).toBe(1);
    state.set({ state: 'closed', reason: 'connection lost', retryAt: 5, attempt: 1 });
    state.set({ state: 'open', since: 6, reconnected: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual({ 'containers:list': 2, 'images:list': 2, 'engine:status': 2 });
  });

  it('refetches everything on the first open when an earlier attempt failed', async () => {
    const { raw } = fakeTransport();
    const state = createStore<BridgeState>({ state: 'connecting', attempt: 0, reconnecting: false });
    stops.push(
      syncQueriesWithEvents(new BerthClient(raw, 'websocket', { state, reconnectNow: () => undefined }), queries),
    );
    await vi.runOnlyPendingTimersAsync();
    state.set({ state: 'closed', reason: 'connection lost', retryAt: 5, attempt: 1 });
    state.set({ state: 'connecting', attempt: 1, reconnecting: false });
    state.set({ state: 'open', since: 6, reconnected: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['images:list']).toBe(2);
  });

  it('puts the engine list in the cache and refetches everything when the active engine changes', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries));
    await vi.runOnlyPendingTimersAsync();
    emit('engines:changed', engines('discovered'));
    expect(queries.getQueryData(['engines:list', {}])).toEqual(engines('discovered'));
    // A state change of the same active engine is only new data for the Engine page and the status bar.
    emit('engines:changed', engines('discovered', 'starting'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual({ 'containers:list': 1, 'images:list': 1, 'engine:status': 1 });
    emit('engines:changed', engines('berth-one'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual({ 'containers:list': 2, 'images:list': 2, 'engine:status': 2 });
    emit('engines:changed', engines('berth-one'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['containers:list']).toBe(2);
  });

  it('notices a switch even when the engine list was never in the cache', async () => {
    const { raw, emit } = fakeTransport();
    stops.push(syncQueriesWithEvents(new BerthClient(raw, 'electron', null), queries));
    await vi.runOnlyPendingTimersAsync();
    emit('engines:changed', engines('discovered'));
    queries.removeQueries({ queryKey: ['engines:list'] });
    emit('engines:changed', engines('berth-one'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches['images:list']).toBe(2);
  });
});
