// Owns one bucket being filled: samples whose time falls in [start, start + step) summarised per field as
// count, sum, min, max and last. Null and NaN are skipped, so a field with no sample in the bucket comes out
// null (a gap), never zero.

import type { StatsValues } from '../../../shared/stats-types';
import { fieldValueRules } from './field-rules';
import type { HistoryRow } from './history-row';

export class Bucket {
  start = Number.NaN;
  /** Samples added, null ones included: a bucket of only nulls is an explicit gap row. */
  samples = 0;
  private readonly count: Uint32Array;
  private readonly sum: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly last: Float64Array;

  constructor(readonly width: number) {
    this.count = new Uint32Array(width);
    this.sum = new Float64Array(width);
    this.min = new Float64Array(width);
    this.max = new Float64Array(width);
    this.last = new Float64Array(width);
  }

  reset(start: number): void {
    this.start = start;
    this.samples = 0;
    this.count.fill(0);
    this.sum.fill(0);
  }

  add(values: StatsValues | null): void {
    this.samples += 1;
    if (!values) return;
    for (let f = 0; f < this.width; f += 1) {
      const value = values[f];
      if (value === null || value === undefined || Number.isNaN(value)) continue;
      if (this.count[f] === 0) {
        this.min[f] = value;
        this.max[f] = value;
      } else {
        if (value < this.min[f]!) this.min[f] = value;
        if (value > this.max[f]!) this.max[f] = value;
      }
      this.count[f] += 1;
      this.sum[f] += value;
      this.last[f] = value;
    }
  }

  toRow(keepsRange: boolean): HistoryRow {
    // One row a second per container in the 1 s tier, which keeps no range: only `v` is allocated there.
    const v: StatsValues = new Array(this.width);
    for (let f = 0; f < this.width; f += 1)
      v[f] =
        this.count[f]! === 0 ? null : fieldValueRules[f] === 'mean' ? this.sum[f]! / this.count[f]! : this.last[f]!;
    if (!keepsRange) return { t: this.start, v };
    const min: StatsValues = new Array(this.width);
    const max: StatsValues = new Array(this.width);
    for (let f = 0; f < this.width; f += 1) {
      const seen = this.count[f]! > 0;
      min[f] = seen ? this.min[f]! : null;
      max[f] = seen ? this.max[f]! : null;
    }
    return { t: this.start, v, min, max };
  }
}
