// Watch sync against a fake client: one declarative stats:watch per change of the union (debounced),
// re-sent after the bridge or the engine reconnects, and history fetched once the watch covers it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../../main/shared/engine-types';
import { statsFields, type StatsHistory } from '../../../main/shared/stats-types';
import type { Bridge, BridgeState } from '../../../renderer/src/ipc/bridge-state';
import { createStore } from '../../../renderer/src/lib/store';
import { SeriesStore } from '../../../renderer/src/stats/series-store';
import { WatchSync, type StatsClient } from '../../../renderer/src/stats/watch-sync';

type Call = { channel: string; request: unknown };

function fakeClient(options: { fail?: (channel: string) => boolean } = {}) {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const state = createStore<BridgeState>({ state: 'connecting', attempt: 0, reconnecting: false });
  const bridge: Bridge = { state, reconnectNow: () => undefined };
  const client = {
    bridge,
    async invoke(channel: string, request: unknown) {
      calls.push({ channel, request });
      if (options.fail?.(channel)) throw new Error(`${channel} failed`);
      if (channel === 'stats:history') {
        const id = (request as { id: string }).id;
        const history: StatsHistory = { id, rows: [{ t: 500, v: statsFields.map(() => 1) }] };
        return history;
      }
      return { collector: 'cgroup', intervalMs: 1000, focusIntervalMs: 250, historySeconds: 900, watching: [] };
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  } as unknown as StatsClient;
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
  const watches = () => calls.filter((call) => call.channel === 'stats:watch').map((call) => call.request);
  const histories = () => calls.filter((call) => call.channel === 'stats:history').map((call) => call.request);
  return { client, state, emit, calls, watches, histories };
}

const open = (reconnected: boolean): BridgeState => ({ state: 'open', since: 1, reconnected });
const closed: BridgeState = { state: 'closed', reason: 'connection lost', retryAt: 2, attempt: 1 };
const engine = (state: 'connected' | 'unreachable') => ({ state }) as EngineStatus;

describe('WatchSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(options?: Parameters<typeof fakeClient>[0]) {
    const fake = fakeClient(options);
    const series = new SeriesStore();
    const sync = new WatchSync(fake.client, series, { debounceMs: 40, log: () => undefined });
    const stop = sync.start();
    return { ...fake, series, sync, stop };
  }

  it('sends the union of all declarations once, after a burst of changes', async () => {
    const { sync, watches } = setup();
    const releaseList = sync.watch({ all: true });
    sync.watch({ ids: ['b'] });
    sync.watch({ ids: ['a'] });
    releaseList();
    sync.watch({ all: true });
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([{ all: true, ids: ['a', 'b'] }]);
  });

  it('ref-counts declarations: a second view of the same id changes nothing; the last release sends the smaller set', async () => {
    const { sync, watches } = setup();
    const first = sync.watch({ ids: ['a'] });
    await vi.advanceTimersByTimeAsync(100);
    const second = sync.watch({ ids: ['a'] });
    first();
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([{ all: false, ids: ['a'] }]);
    second();
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([
      { all: false, ids: ['a'] },
      { all: false, ids: [] },
    ]);
  });

  it('sends nothing while nothing is watched', async () => {
    const { sync, state, watches } = setup();
    sync.watch({ all: true })();
    state.set(open(false));
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([]);
  });

  it('sends the same set again after the bridge reconnects (a new connection watches nothing)', async () => {
    const { sync, state, watches } = setup();
    state.set(open(false));
    sync.watch({ all: true });
    await vi.advanceTimersByTimeAsync(100);
    state.set(closed);
    state.set(open(true));
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([
      { all: true, ids: [] },
      { all: true, ids: [] },
    ]);
  });

  it('sends again when the engine comes back, but not on repeated connected statuses', async () => {
    const { sync, emit, watches } = setup();
    sync.watch({ ids: ['a'] });
    await vi.advanceTimersByTimeAsync(100);
    emit('engine:status', engine('connected'));
    emit('engine:status', engine('connected'));
    await vi.advanceTimersByTimeAsync(100);
    emit('engine:status', engine('unreachable'));
    emit('engine:status', engine('connected'));
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toHaveLength(3);
  });

  it('retries a failed watch when the bridge opens again', async () => {
    let failing = true;
    const { sync, state, watches } = setup({ fail: (channel) => failing && channel === 'stats:watch' });
    sync.watch({ all: true });
    await vi.advanceTimersByTimeAsync(100);
    failing = false;
    state.set(open(false));
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toEqual([
      { all: true, ids: [] },
      { all: true, ids: [] },
    ]);
  });

  it('fetches history once the watch naming the id is answered, merges it, and again after a reconnect', async () => {
    const { sync, state, series, calls, histories } = setup();
    sync.watch({ ids: ['a'] });
    const release = sync.requestHistory('a');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((call) => call.channel)).toEqual(['stats:watch', 'stats:history']);
    expect(histories()).toEqual([{ id: 'a', seconds: 900 }]);
    expect(series.window('a', 60)?.t).toEqual([500]);
    state.set(open(true));
    await vi.advanceTimersByTimeAsync(100);
    expect(histories()).toHaveLength(2);
    release();
    state.set(open(true));
    await vi.advanceTimersByTimeAsync(100);
    expect(histories()).toHaveLength(2);
  });

  it('stops listening when stopped', async () => {
    const { sync, state, stop, watches } = setup();
    sync.watch({ all: true });
    await vi.advanceTimersByTimeAsync(100);
    stop();
    state.set(open(true));
    await vi.advanceTimersByTimeAsync(100);
    expect(watches()).toHaveLength(1);
  });
});
