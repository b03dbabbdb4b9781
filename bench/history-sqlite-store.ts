// The embedded-database side of the history store comparison: the same tiers and downsampling front
// (ContainerHistory, so both sides summarise identically) writing to SQLite through better-sqlite3, one table
// per tier keyed (container, t), a transaction per flush and retention by DELETE. better-sqlite3 is not a
// dependency of Berth: it is loaded from a scratch folder (SQLITE_BENCH_DIR, default /tmp/sqlite-bench) made
// with `npm install better-sqlite3` there, and the comparison is skipped when it is absent.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ContainerHistory } from '../main/core/stats/history/container-history';
import type { HistoryRow } from '../main/core/stats/history/history-row';
import { historyTiers, tierSpanMs } from '../main/core/stats/history/tiers';
import { statsFields, type StatsValues } from '../main/shared/stats-types';

interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): Array<Array<number | null>>;
  raw(on: boolean): Statement;
}
interface Database {
  pragma(text: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction(fn: () => void): () => void;
  close(): void;
}
type DatabaseConstructor = new (path: string) => Database;

export function loadSqlite(): DatabaseConstructor | undefined {
  const dir = process.env.SQLITE_BENCH_DIR ?? '/tmp/sqlite-bench';
  try {
    return createRequire(join(dir, 'package.json'))('better-sqlite3') as DatabaseConstructor;
  } catch {
    return undefined;
  }
}

const width = statsFields.length;
const columns = (tierKeepsRange: boolean) =>
  tierKeepsRange
    ? [...statsFields, ...statsFields.map((f) => `${f}_min`), ...statsFields.map((f) => `${f}_max`)]
    : [...statsFields];

export class SqliteHistoryStore {
  private readonly db: Database;
  private readonly containers = new Map<string, ContainerHistory>();
  private readonly numbers = new Map<string, number>();
  private readonly inserts: Statement[];
  private readonly trims: Statement[];
  private readonly selects: Statement[];

  constructor(Sqlite: DatabaseConstructor, path: string) {
    this.db = new Sqlite(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    for (const tier of historyTiers) {
      const cols = columns(tier.keepsRange);
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS t${tier.name} (cid INTEGER NOT NULL, t INTEGER NOT NULL, ${cols
          .map((c) => `${c} REAL`)
          .join(', ')}, PRIMARY KEY (cid, t)) WITHOUT ROWID`,
      );
    }
    this.inserts = historyTiers.map((tier) => {
      const cols = columns(tier.keepsRange);
      return this.db.prepare(
        `INSERT OR REPLACE INTO t${tier.name} (cid, t, ${cols.join(', ')}) VALUES (?, ?, ${cols.map(() => '?').join(', ')})`,
      );
    });
    this.trims = historyTiers.map((tier) => this.db.prepare(`DELETE FROM t${tier.name} WHERE cid = ? AND t < ?`));
    this.selects = historyTiers.map((tier) =>
      // Raw arrays (no object per row keyed by column name): the cheapest way better-sqlite3 returns rows.
      this.db
        .prepare(
          `SELECT t, ${columns(tier.keepsRange).join(', ')} FROM t${tier.name} WHERE cid = ? AND t >= ? AND t <= ? ORDER BY t`,
        )
        .raw(true),
    );
  }

  append(id: string, t: number, values: StatsValues | null): void {
    let container = this.containers.get(id);
    if (!container) {
      container = new ContainerHistory(id, '', historyTiers, width);
      this.containers.set(id, container);
      this.numbers.set(id, this.numbers.size + 1);
    }
    container.add(t, values);
  }

  /** One transaction with every pending row, then each tier trimmed to its span (what the circular file does by construction). */
  flush(now: number): void {
    this.db.transaction(() => {
      for (const container of this.containers.values()) {
        const cid = this.numbers.get(container.id)!;
        for (const index of historyTiers.keys()) {
          const series = container.seriesToFlush(index);
          if (!series) continue;
          for (const row of series.pending)
            this.inserts[index]!.run(cid, row.t, ...this.cells(row, series.tier.keepsRange));
          series.pending = [];
          this.trims[index]!.run(cid, now - tierSpanMs(series.tier));
        }
      }
    })();
  }

  read(id: string, tierIndex: number, from: number, to: number): HistoryRow[] {
    const tier = historyTiers[tierIndex]!;
    return this.selects[tierIndex]!.all(this.numbers.get(id), from, to).map((record) => {
      const t = record[0]!;
      const v = record.slice(1, 1 + width);
      return tier.keepsRange
        ? { t, v, min: record.slice(1 + width, 1 + 2 * width), max: record.slice(1 + 2 * width) }
        : { t, v };
    });
  }

  close(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private cells(row: HistoryRow, keepsRange: boolean): Array<number | null> {
    return keepsRange ? [...row.v, ...(row.min ?? row.v), ...(row.max ?? row.v)] : row.v;
  }
}
