// Decides which containers' history leaves the store: removed containers once their retention has passed, and,
// while the store is over its total cap, the containers written least recently (removed or not).

export interface ContainerFootprint {
  id: string;
  bytes: number;
  /** Wall-clock ms of the last write to its files (mtime when found on disk). */
  lastWriteMs: number;
  /** Store-clock ms when the container was removed; undefined while it exists. */
  removedAt?: number;
}

export function expiredContainers(
  containers: Iterable<ContainerFootprint>,
  now: number,
  retentionMs: number,
): string[] {
  const expired: string[] = [];
  for (const container of containers)
    if (container.removedAt !== undefined && now - container.removedAt >= retentionMs) expired.push(container.id);
  return expired;
}

/** The fewest containers to drop, oldest write first, for the rest to fit in `capBytes`. */
export function containersOverCap(containers: Iterable<ContainerFootprint>, capBytes: number): string[] {
  const all = [...containers];
  let total = all.reduce((sum, container) => sum + container.bytes, 0);
  if (total <= capBytes) return [];
  const oldestFirst = all.sort((a, b) => a.lastWriteMs - b.lastWriteMs);
  const dropped: string[] = [];
  for (const container of oldestFirst) {
    if (total <= capBytes) break;
    dropped.push(container.id);
    total -= container.bytes;
  }
  return dropped;
}
