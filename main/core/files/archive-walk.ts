// Reads a tar the engine streams (GET /containers/{id}/archive) entry by entry, within caps. The engine sends a
// folder as the tar of its whole tree, so a walk may stop early; whatever way it ends, the response is
// destroyed: an archive response left unread keeps its connection busy (and once made a test run hang).
import type { Readable } from 'node:stream';
import { onEntry, tar, type TarHeader } from './tar';

export interface WalkLimits {
  /** Archive bytes read before the walk gives up (truncated). */
  maxBytes: number;
  /** Entries seen before the walk gives up (truncated). */
  maxEntries: number;
  /** Time before the walk gives up (truncated). */
  maxMs: number;
}

/** What to do with an entry: drain its body and go on, hand its body to `body`, or end the walk here. */
export type EntryVerdict = 'skip' | 'read' | 'stop';

export interface ArchiveVisitor {
  entry(header: TarHeader): EntryVerdict;
  /** An entry's body, for entries answered 'read'; false ends the walk. */
  body?(header: TarHeader, data: Buffer): boolean;
}

export interface WalkResult {
  /** A cap ended the walk before the archive's end. */
  truncated: boolean;
}

export function walkArchive(source: Readable, visitor: ArchiveVisitor, limits: WalkLimits): Promise<WalkResult> {
  const extract = tar.extract();
  let bytes = 0;
  let entries = 0;
  return new Promise<WalkResult>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, truncated = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      source.unpipe(extract);
      source.destroy();
      extract.destroy();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ truncated });
    };
    const timer = setTimeout(() => finish(null, true), limits.maxMs);
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) finish(null, true);
    });
    source.on('error', (error) => finish(error));
    // The engine closed the connection before the tar's end: what was read stands, the rest is missing. (After
    // a normal end the extract may still be parsing what it was given: its 'finish' settles the walk then.)
    source.on('close', () => {
      if (!source.readableEnded) finish(null, true);
    });
    extract.on('error', (error) => finish(error));
    extract.on('finish', () => finish(null));
    onEntry(extract, (header, stream, next) => {
      if (settled) return void stream.resume();
      entries += 1;
      if (entries > limits.maxEntries) return finish(null, true);
      const verdict = visitor.entry(header);
      if (verdict === 'stop') {
        stream.resume();
        return finish(null);
      }
      if (verdict === 'skip') {
        stream.on('end', () => next());
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (settled) return;
        if (visitor.body?.(header, Buffer.concat(chunks)) === false) finish(null);
        else next();
      });
    });
    source.pipe(extract);
  });
}

/** Reads a whole response into memory, failing with `tooLarge()` (and destroying it) past `maxBytes`. */
export function readAllCapped(source: Readable, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        source.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    });
    source.on('end', () => finish(null));
    source.on('error', (error) => finish(error));
    source.on('close', () => finish(source.readableEnded ? null : new Error('the engine closed the archive early')));
  });
}
