// The renderer's one stats store: the series fed by `stats:tick`, and the watch sync that tells the core
// what to send. Created once beside the client; components reach it through StatsProvider.
import { SeriesStore, type SeriesStoreOptions } from './series-store';
import { WatchSync, type StatsClient, type WatchSyncOptions } from './watch-sync';

export interface StatsStore {
  series: SeriesStore;
  watches: WatchSync;
  /** Subscribes to ticks and reconnects; returns the function that stops. */
  start(): () => void;
}

export function createStatsStore(client: StatsClient, options: SeriesStoreOptions & WatchSyncOptions = {}): StatsStore {
  const series = new SeriesStore(options);
  const watches = new WatchSync(client, series, options);
  return {
    series,
    watches,
    start() {
      const stops = [client.on('stats:tick', (tick) => series.applyTick(watches.only(tick))), watches.start()];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
