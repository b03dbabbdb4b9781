// What every part of `npm run bench:ops` is given (one private engine with the busybox image, one `berth serve`
// on it, one Chromium) and what each part returns: figures, each next to its peer measured in the same run.
import type { Browser } from 'playwright-core';
import type { PrivateEngine } from '../test/harness/private-engine';

export interface OpsBenchContext {
  engine: PrivateEngine;
  /** `berth-bench/busybox:latest`, built locally from Debian's busybox-static. */
  image: string;
  /** The page address of the `berth serve` under test, token included. */
  serveUrl: string;
  browser: Browser;
}

export interface OpsFigure {
  /** The key of the last line (`logs_ratio`, …). */
  key: string;
  /** What was measured, for the table. */
  what: string;
  /** Berth's figure, and the peer's where there is one, in `unit`. */
  berth: number;
  peer: number | null;
  unit: string;
  /** The value the key reports (a ratio berth/peer, or a count). */
  value: number;
  goal: string;
}

export type OpsPart = (context: OpsBenchContext) => Promise<OpsFigure[]>;
