// Test helpers for builds through the core's router: a context folder written from a map of files, and a
// build run to its end with the stream's text and end event collected.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RequestOf } from '../../../../main/shared/contract';
import type { StreamEnd } from '../../../../main/shared/stream-types';
import type { TestCore } from '../run/run-fixture';

export async function contextFolder(files: Record<string, string | Buffer>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'berth-build-int-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

export interface BuildRun {
  streamId: string;
  /** All text so far, every fd. */
  text(): string;
  ended: Promise<StreamEnd>;
}

/** Opens a build (the request's own errors reject here) and collects its stream. */
export async function startBuild(t: TestCore, request: Omit<RequestOf<'images:build'>, 'streamId'>): Promise<BuildRun> {
  const streamId = randomUUID();
  let text = '';
  let resolveEnd!: (end: StreamEnd) => void;
  const ended = new Promise<StreamEnd>((resolve) => (resolveEnd = resolve));
  const unsubscribe = t.core.hub.subscribe((event, payload) => {
    if (event === 'stream:data' && (payload as { id: string }).id === streamId)
      text += (payload as { chunks: { text: string }[] }).chunks.map((chunk) => chunk.text).join('');
    if (event === 'stream:end' && (payload as StreamEnd).id === streamId) {
      unsubscribe();
      resolveEnd(payload as StreamEnd);
    }
  });
  try {
    await t.call('images:build', { ...request, streamId });
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return { streamId, text: () => text, ended };
}
