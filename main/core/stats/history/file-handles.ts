// Keeps tier files open between flushes, as raw descriptors written with the callback `fs.write`: measured on
// a batch of small positional writes, opening and closing per batch cost ~70 µs of CPU a file, a kept
// `FileHandle` ~11-23 µs a write, a kept fd with `fs.write` ~5 µs (all off the event loop, in the thread pool).
// Least recently used closed first beyond `max`, so a store of many containers stays inside the fd limit.

import { close, open, write } from 'node:fs';
import { promisify } from 'node:util';

const openFile = promisify(open);
const closeFile = promisify(close);

export class FileHandles {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly fds = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** The open fd of `path`; `create` truncates (or makes) the file first. */
  async get(path: string, create: boolean): Promise<number> {
    const kept = this.fds.get(path);
    if (kept !== undefined && !create) {
      this.fds.delete(path);
      this.fds.set(path, kept);
      return kept;
    }
    if (kept !== undefined) await this.close(path);
    const fd = await openFile(path, create ? 'w+' : 'r+');
    this.fds.set(path, fd);
    while (this.fds.size > this.max) await this.close(this.fds.keys().next().value!);
    return fd;
  }

  /** Closes every file whose path starts with `prefix` (a container's folder, before it is removed). */
  async closeUnder(prefix: string): Promise<void> {
    for (const path of [...this.fds.keys()]) if (path.startsWith(prefix)) await this.close(path);
  }

  async closeAll(): Promise<void> {
    for (const path of [...this.fds.keys()]) await this.close(path);
  }

  async close(path: string): Promise<void> {
    const fd = this.fds.get(path);
    if (fd === undefined) return;
    this.fds.delete(path);
    await closeFile(fd);
  }
}

/** Writes all of `buffer` at `position` (positional: no shared file offset, so writes to one file may overlap in time). */
export function writeAt(fd: number, buffer: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    write(fd, buffer, 0, buffer.length, position, (error, written) => {
      if (error) reject(error);
      else if (written < buffer.length) reject(new Error(`short write: ${written} of ${buffer.length} bytes`));
      else resolve();
    });
  });
}
