// Test helper: opens a compose stream through a test core's router as one client, and collects what the
// stream says (its output by fd, then its end), as the renderer's openStream would.
import { randomUUID } from 'node:crypto';
import type { Core } from '../../../../main/core/create-core';
import type { ErrorInfo } from '../../../../main/shared/errors';
import type { StreamChunk, StreamEnd } from '../../../../main/shared/stream-types';

export interface StreamRun {
  /** The open request's refusal, when it was refused (then there is no stream). */
  refused: ErrorInfo | null;
  chunks: StreamChunk[];
  end: StreamEnd | null;
  text(fd?: StreamChunk['fd']): string;
}

const clientId = 'compose-test-client';

/** Opens the stream and resolves once it ended (or at once when the request was refused). */
export async function runComposeStream(
  core: Core,
  channel: 'compose:up' | 'compose:down',
  payload: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<StreamRun> {
  const streamId = randomUUID();
  const chunks: StreamChunk[] = [];
  let resolveEnd: (end: StreamEnd) => void = () => undefined;
  const ended = new Promise<StreamEnd>((resolve) => (resolveEnd = resolve));
  const stop = core.hub.subscribe((event, data, to) => {
    if (to !== clientId) return;
    if (event === 'stream:data' && (data as { id: string }).id === streamId)
      chunks.push(...(data as { chunks: StreamChunk[] }).chunks);
    if (event === 'stream:end' && (data as StreamEnd).id === streamId) resolveEnd(data as StreamEnd);
  });
  const run: StreamRun = {
    refused: null,
    chunks,
    end: null,
    text: (fd) =>
      chunks
        .filter((chunk) => fd === undefined || chunk.fd === fd)
        .map((chunk) => chunk.text)
        .join(''),
  };
  try {
    const reply = await core.router.handle(channel, { ...payload, streamId }, { id: clientId });
    if (!reply.ok) {
      run.refused = reply.error;
      return run;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`[test] ${channel} did not end within ${timeoutMs} ms; output: ${run.text()}`)),
        timeoutMs,
      );
    });
    run.end = await Promise.race([ended, late]).finally(() => clearTimeout(timer));
    return run;
  } finally {
    stop();
  }
}
