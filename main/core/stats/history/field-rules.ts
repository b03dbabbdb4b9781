// The one table of how each stats field is summarised when several samples fall into one bucket of a
// downsampled tier. Every bucket also keeps each field's min and max, so a one-second spike survives in the
// one-minute tier's max; this table only says which single value stands for the bucket.

import { statsFields, type StatsField } from '../../../shared/stats-types';

/** mean: a gauge whose average over the bucket is its fair value. last: the value in force at the bucket's end. */
export type BucketValueRule = 'mean' | 'last';

export interface FieldRule {
  /** gauge: sampled level or rate; limit: a setting that changes by `docker update`; cumulative: a counter. */
  kind: 'gauge' | 'limit' | 'cumulative';
  value: BucketValueRule;
}

const gauge: FieldRule = { kind: 'gauge', value: 'mean' };
const limit: FieldRule = { kind: 'limit', value: 'last' };
/** A counter's mean means nothing; its last value (and max, for a series that restarted) does. */
const cumulative: FieldRule = { kind: 'cumulative', value: 'last' };

export const fieldRules: Record<StatsField, FieldRule> = {
  cpuPercent: gauge,
  cpuLimitCores: limit,
  memBytes: gauge,
  memLimitBytes: limit,
  swapLimitBytes: limit,
  netRxBytesPerSec: gauge,
  netTxBytesPerSec: gauge,
  blkReadBytesPerSec: gauge,
  blkWriteBytesPerSec: gauge,
  pids: gauge,
  pidsLimit: limit,
  throttledPercent: gauge,
  oomKills: cumulative,
};

/** The rules in `statsFields` order, for loops over a row. */
export const fieldValueRules: readonly BucketValueRule[] = statsFields.map((field) => fieldRules[field].value);
