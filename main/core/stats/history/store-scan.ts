// Finds what an earlier run left in the store's folder: each container's files, their size, when they were
// last written, which engine it ran on and whether it was marked removed. Entries that are not a container id
// are left alone.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isContainerId } from './container-id';

export const removedMarker = 'removed';
/** Holds the ID of the engine the container ran on (`docker info`'s ID). */
export const engineMarker = 'engine';

export interface ScannedContainer {
  id: string;
  bytes: number;
  lastWriteMs: number;
  removedAt?: number;
  engine?: string;
}

export async function scanStore(dir: string): Promise<ScannedContainer[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: ScannedContainer[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !isContainerId(entry.name)) continue;
    const containerDir = join(dir, entry.name);
    const scanned: ScannedContainer = { id: entry.name, bytes: 0, lastWriteMs: 0 };
    for (const file of await readdir(containerDir)) {
      const info = await stat(join(containerDir, file));
      scanned.bytes += info.size;
      scanned.lastWriteMs = Math.max(scanned.lastWriteMs, info.mtimeMs);
      if (file === removedMarker) {
        const removedAt = Number((await readFile(join(containerDir, file), 'utf8')).trim());
        if (Number.isFinite(removedAt)) scanned.removedAt = removedAt;
      }
      if (file === engineMarker) scanned.engine = (await readFile(join(containerDir, file), 'utf8')).trim();
    }
    found.push(scanned);
  }
  return found;
}
