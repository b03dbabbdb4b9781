// The handlers of the recorded-history channels (stats-history-channels.ts), and of `stats:history`, which
// answers from the live ring and, for what the ring does not hold (a core restarted a minute ago), from the
// store's 1 s tier, so a chart opened after a restart still draws the last minutes.
import { BerthError } from '../../shared/errors';
import type { HistoryRange } from '../../shared/stats-history-types';
import { statsFieldCount, type StatsHistory, type StatsRow } from '../../shared/stats-types';
import type { EngineLink } from '../connection/engine-link';
import type { Handlers } from '../ipc/router';
import type { Logger } from '../logger';
import { errorMessage } from '../../shared/error-message';
import type { HistoryStore } from '../stats/history/history-store';
import { historiesToCsv, historiesToJson } from '../stats/history/history-export';
import type { StatsService } from '../stats/stats-service';
import { exportFilename, resolveHistoryRefs } from './history-refs';
import type { StatsRecorder } from './stats-recorder';
import { consumerOfSummary, topConsumers, topFields, topTier } from './stats-top';

export interface RecordingDeps {
  recorder: StatsRecorder;
  stats: Pick<StatsService, 'recording' | 'history'>;
  connection: Pick<EngineLink, 'client'>;
  log: Logger;
}

type RecordingChannels = 'stats:recording' | 'stats:range' | 'stats:top' | 'stats:export' | 'stats:history';

const topConcurrency = 8;

/** What the 1 s tier holds: the most `stats:history` can add from the store. */
const storeSeconds = 900;

export function recordingHandlers(deps: RecordingDeps): Pick<Handlers, RecordingChannels> {
  const { recorder, stats, connection, log } = deps;

  const store = async (): Promise<HistoryStore> => {
    await recorder.ready;
    if (!recorder.store)
      throw new BerthError('STORAGE_FAILED', 'Berth could not open its stats history folder: see its log for why.');
    return recorder.store;
  };

  const ranges = async (refs: readonly string[], from: number, to?: number) => {
    const opened = await store();
    const found = await resolveHistoryRefs(connection, (id) => opened.has(id), refs);
    return { found, ranges: await Promise.all(found.map((ref) => opened.read(ref.id, from, to))) };
  };

  return {
    'stats:recording': async () => {
      await recorder.ready;
      const state = stats.recording();
      return {
        ...state,
        // Off: windows still get live stats of what they watch, but nothing is stored.
        recording: state.mode === 'off' ? 0 : state.recording,
        storeBytes: recorder.store?.totalBytes ?? 0,
        storeCapBytes: recorder.store?.capBytes ?? 0,
        retentionDays: recorder.retentionDays,
      };
    },
    'stats:range': async (request) => (await ranges(request.ids, request.from, request.to)).ranges,
    'stats:top': async (request) => {
      const opened = await store();
      const to = request.to ?? Date.now();
      const tier = topTier(request.from, to, Date.now()).name;
      const names = await containerNames(connection, log);
      const { value, limit } = topFields[request.by];
      const ids = opened.ids();
      const consumers = [];
      // A few containers at a time: one file's read overlaps another's scan, and only a few files are in memory.
      for (let at = 0; at < ids.length; at += topConcurrency)
        consumers.push(
          ...(await Promise.all(
            ids.slice(at, at + topConcurrency).map(async (id) => {
              const summary = await opened.summarize(
                id,
                { from: request.from, to, field: value, limitField: limit },
                tier,
              );
              return consumerOfSummary(id, summary, names.get(id) ?? null);
            }),
          )),
        );
      return topConsumers(consumers, request.limit ?? 5);
    },
    'stats:export': async (request) => {
      const to = request.to ?? Date.now();
      const read = await ranges(request.ids, request.from, to);
      const text = request.format === 'csv' ? historiesToCsv(read.ranges) : historiesToJson(read.ranges);
      return { filename: exportFilename(read.found, request.from, to, request.format), text };
    },
    'stats:history': async (request) => {
      let live: StatsHistory | null = null;
      let missing: unknown = null;
      try {
        live = stats.history(request.id, request.seconds);
      } catch (error) {
        if (!(error instanceof BerthError && error.code === 'NOT_FOUND')) throw error;
        missing = error;
      }
      const seconds = Math.min(request.seconds ?? storeSeconds, storeSeconds);
      const older = await storedBefore(live, request.id, seconds).catch((error: unknown) => {
        // The live ring still answers; the chart then starts at the core's start.
        log.warn(`[stats-history] could not read the recorded seconds of ${request.id}: ${errorMessage(error)}`);
        return null;
      });
      if (!older || older.rows.length === 0) {
        if (live) return live;
        throw missing;
      }
      return { id: older.id, rows: [...older.rows, ...(live?.rows ?? [])] };
    },
  };

  /** Stored 1 s rows older than the live ring's first (all of them without a ring), with a gap before the ring. */
  async function storedBefore(live: StatsHistory | null, ref: string, seconds: number): Promise<StatsHistory | null> {
    if (!recorder.store) return null;
    const opened = recorder.store;
    const now = Date.now();
    const from = now - seconds * 1000;
    const firstLive = live?.rows[0]?.t ?? Infinity;
    // The ring reaches back far enough: nothing to add.
    if (firstLive <= from + 1000) return null;
    const id = live?.id ?? (await resolveHistoryRefs(connection, (each) => opened.has(each), [ref]))[0]?.id;
    if (!id) return null;
    const range: HistoryRange = await opened.read(id, from, now, '1s');
    // A 1 s row stands for its whole second: the ring's first row may fall inside the last one.
    const rows: StatsRow[] = range.rows
      .filter((row) => row.t < firstLive - 1000)
      .map((row) => ({ t: row.t, v: row.v }));
    const last = rows[rows.length - 1];
    if (live && last && last.v.some((value) => value !== null) && firstLive - last.t > 2000)
      rows.push({ t: last.t + 1000, v: new Array<number | null>(statsFieldCount).fill(null) });
    return { id, rows };
  }
}

/** Names of the engine's containers; none when it is away (the store still answers, with names null). */
async function containerNames(connection: Pick<EngineLink, 'client'>, log: Logger): Promise<Map<string, string>> {
  try {
    const listed = await connection.client().listContainers({ all: true });
    return new Map(listed.map((container) => [container.Id, (container.Names[0] ?? '').replace(/^\//, '')]));
  } catch (error) {
    log.warn(
      `[stats-history] top consumers without names: the engine did not list its containers: ${errorMessage(error)}`,
    );
    return new Map();
  }
}
