// The engine log panel's lines: bounded (the oldest drop first) and merged without repeats when the snapshot
// from `engines:logs` arrives after live `engines:log` lines that it may already hold. Pure.

export const maxLogLines = 1000;

/** The last `max` lines of `lines` followed by `added`. */
export function appendLines(lines: readonly string[], added: readonly string[], max = maxLogLines): string[] {
  const all = [...lines, ...added];
  return all.length <= max ? all : all.slice(-max);
}

/**
 * The snapshot, then the live lines it does not already end with. Lines that arrived while the snapshot was
 * being taken are in both; the longest overlap between the snapshot's end and the live lines' start is dropped.
 */
export function mergeSnapshot(snapshot: readonly string[], live: readonly string[], max = maxLogLines): string[] {
  let overlap = Math.min(snapshot.length, live.length);
  while (overlap > 0 && !endsWith(snapshot, live, overlap)) overlap -= 1;
  return appendLines(snapshot, live.slice(overlap), max);
}

function endsWith(snapshot: readonly string[], live: readonly string[], count: number): boolean {
  const start = snapshot.length - count;
  for (let i = 0; i < count; i++) if (snapshot[start + i] !== live[i]) return false;
  return true;
}
