// One engine's log for the log panel: the snapshot from `engines:logs`, then the lines pushed as
// `engines:log` events, merged without repeats and bounded (log-buffer.ts). A store, not the query cache:
// a starting dockerd writes many lines a second.
import type { BerthClient } from '../../ipc/berth-client';
import { createStore, type ReadableStore } from '../../lib/store';
import { appendLines, mergeSnapshot } from './log-buffer';
import { errorMessage } from '@shared/error-message';

export interface LogFeedState {
  lines: readonly string[];
  /** False until the snapshot arrived (or failed). */
  loaded: boolean;
  error: string | null;
}

export interface LogFeed extends ReadableStore<LogFeedState> {
  stop(): void;
}

export const emptyLog: LogFeedState = { lines: [], loaded: false, error: null };

export function createLogFeed(client: BerthClient, id: string): LogFeed {
  const store = createStore<LogFeedState>(emptyLog);
  // Lines pushed before the snapshot answered: some of them may be in it too.
  let early: string[] = [];
  let stopped = false;
  const unsubscribe = client.on('engines:log', (event) => {
    if (event.id !== id) return;
    const state = store.get();
    if (!state.loaded) early = appendLines(early, event.lines);
    else store.set({ ...state, lines: appendLines(state.lines, event.lines) });
  });
  client.invoke('engines:logs', { id }).then(
    (snapshot) => {
      if (!stopped) store.set({ lines: mergeSnapshot(snapshot, early), loaded: true, error: null });
      early = [];
    },
    (error: unknown) => {
      if (!stopped) store.set({ lines: early, loaded: true, error: errorMessage(error) });
      early = [];
    },
  );
  return {
    get: store.get,
    subscribe: store.subscribe,
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
