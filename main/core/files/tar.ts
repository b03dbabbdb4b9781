// tar-stream (a dependency of dockerode's tar-fs) has no typings: the parts the Files service uses, typed.
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';

export interface TarHeader {
  name: string;
  size?: number;
  mode?: number;
  mtime?: Date;
  /** 'file', 'link' (a hard link), 'symlink', 'directory', 'character-device', 'block-device', 'fifo', … */
  type?: string;
  linkname?: string | null;
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
}

export type TarEntryListener = (header: TarHeader, stream: Readable, next: (error?: unknown) => void) => void;

/** A Writable that emits `entry` for each header; `on('entry', …)` is typed through `onEntry` below. */
export type TarExtract = Writable;

/** Listens to an extract's entries (the Writable typings know no `entry` event). */
export function onEntry(extract: TarExtract, listener: TarEntryListener): void {
  extract.on('entry', listener as (...args: unknown[]) => void);
}

export interface TarPack extends Readable {
  entry(header: TarHeader, body: Buffer, callback?: (error?: unknown) => void): void;
  finalize(): void;
}

export const tar = createRequire(import.meta.url)('tar-stream') as {
  extract(): TarExtract;
  pack(): TarPack;
};
