// The resolutions history is kept at, and which one answers a read: the finest whose span reaches back to the
// start of the range asked for.

export interface HistoryTier {
  /** Also the tier's file name (`<name>.bin`). */
  name: '1s' | '10s' | '1m';
  stepMs: number;
  /** Rows kept; the file is circular, so this bounds it by construction. */
  capacity: number;
  /** Downsampled tiers keep each field's min and max beside the bucket's value; the 1 s tier has one sample a row. */
  keepsRange: boolean;
}

export const historyTiers: readonly HistoryTier[] = [
  { name: '1s', stepMs: 1_000, capacity: 15 * 60, keepsRange: false },
  { name: '10s', stepMs: 10_000, capacity: 6 * 360, keepsRange: true },
  { name: '1m', stepMs: 60_000, capacity: 7 * 24 * 60, keepsRange: true },
];

export function tierSpanMs(tier: HistoryTier): number {
  return tier.stepMs * tier.capacity;
}

/** The finest tier that still holds rows as old as `from`; the coarsest when none reaches that far. */
export function tierFor(from: number, now: number, tiers: readonly HistoryTier[] = historyTiers): HistoryTier {
  const age = now - from;
  return tiers.find((tier) => tierSpanMs(tier) >= age) ?? tiers[tiers.length - 1]!;
}
