// Test helpers for terminal sessions against the harness engine: a core as the app creates it, calls made as
// a given client (so ownership is checked as the transports check it), and each stream's output and end as
// that client hears them.
import { randomUUID } from 'node:crypto';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import type { ErrorInfo } from '../../../../main/shared/errors';
import type { StreamEnd } from '../../../../main/shared/stream-types';
import { startTestCore, type TestCore } from '../run/run-fixture';

export interface HeardStream {
  client: string;
  text: string;
  end: StreamEnd | null;
}

export interface TerminalFixture extends TestCore {
  as<C extends Channel>(client: string, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  failureAs<C extends Channel>(client: string, channel: C, payload: RequestOf<C>): Promise<ErrorInfo>;
  /** What a stream's client heard of it so far. */
  heard(streamId: string): HeardStream;
  /** Waits until the stream's text matches (or it ended, which fails unless `orEnd`). */
  waitFor(streamId: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  waitForEnd(streamId: string, timeoutMs?: number): Promise<StreamEnd>;
  newStreamId(): string;
}

export async function startTerminalFixture(): Promise<TerminalFixture> {
  const test = await startTestCore();
  const streams = new Map<string, HeardStream>();
  const stream = (id: string, client: string) => {
    let heard = streams.get(id);
    if (!heard) streams.set(id, (heard = { client, text: '', end: null }));
    return heard;
  };
  test.core.hub.subscribe((event, payload, to) => {
    if (event === 'stream:data') {
      const data = payload as { id: string; chunks: { text: string }[] };
      stream(data.id, to ?? '*').text += data.chunks.map((chunk) => chunk.text).join('');
    } else if (event === 'stream:end') {
      const end = payload as StreamEnd;
      stream(end.id, to ?? '*').end = end;
    }
  });
  const as = async <C extends Channel>(client: string, channel: C, payload: RequestOf<C>) => {
    const reply = await test.core.router.handle(channel, payload, { id: client });
    if (!reply.ok)
      throw Object.assign(new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`), reply.error);
    return reply.data as ResponseOf<C>;
  };
  const failureAs = async <C extends Channel>(client: string, channel: C, payload: RequestOf<C>) => {
    const reply = await test.core.router.handle(channel, payload, { id: client });
    if (reply.ok)
      throw new Error(`${channel} should have failed but answered ${JSON.stringify(reply.data).slice(0, 300)}`);
    return reply.error;
  };
  const until = async <T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`[test] timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    ...test,
    as,
    failureAs,
    heard: (id) => streams.get(id) ?? { client: '', text: '', end: null },
    newStreamId: () => randomUUID(),
    waitFor: (id, pattern, timeoutMs = 20_000) =>
      until(
        `${pattern} in the terminal (heard: ${JSON.stringify(streams.get(id)?.text.slice(-300) ?? '')})`,
        () => {
          const heard = streams.get(id);
          if (heard && pattern.test(heard.text)) return heard.text;
          if (heard?.end) throw new Error(`[test] the stream ended before ${pattern}: ${JSON.stringify(heard)}`);
          return undefined;
        },
        timeoutMs,
      ),
    waitForEnd: (id, timeoutMs = 20_000) =>
      until(`the end of stream ${id}`, () => streams.get(id)?.end ?? undefined, timeoutMs),
  };
}
