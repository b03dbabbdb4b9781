// Follows a container's logs into a LogBuffer: opens the `logs:follow` stream, parses what arrives once per
// animation frame (one buffer change, one render per frame however many events came), and fetches older
// pages on demand. Reopens when the container or the time range changes, or when asked (`restart`).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamChunk, StreamEnd } from '@shared/stream-types';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../data/client-context';
import { openStream } from '../ipc/open-stream';
import type { LogBuffer } from './log-buffer';
import { LineParser, type LogLine } from './log-line';

/** Lines asked for when the logs open; older ones come in pages of the same size as the user scrolls up. */
export const initialTail = 5000;
export const pageSize = 5000;
/** Text parsed per frame at most: a burst (a tail of long lines) is spread over frames, not one long task. */
const charsPerFrame = 512 * 1024;
/** At most this often the buffer changes: each change makes the virtualiser lay out every row it holds again
 * (50k at the bound), so a fast container's lines are taken in a few batches a second, not one per frame. */
const minAppendMs = 150;

export interface LogRange {
  /** Unix seconds, or undefined for no bound. */
  since?: number;
  until?: number;
}

export type FollowState =
  { state: 'opening' } | { state: 'live' } | { state: 'ended'; end: StreamEnd } | { state: 'failed'; message: string };

export function useLogFollow(containerId: string, range: LogRange, buffer: LogBuffer) {
  const client = useBerthClient();
  const [generation, setGeneration] = useState(0);
  // The state of the follow opened for this key; another key (reopened) reads as opening until it answers.
  const key = `${containerId}|${range.since}|${range.until}|${generation}`;
  const [followOf, setFollowOf] = useState<{ key: string; follow: FollowState }>({
    key: '',
    follow: { state: 'opening' },
  });
  const follow: FollowState = followOf.key === key ? followOf.follow : { state: 'opening' };
  const [olderState, setOlderState] = useState<{ loading: boolean; error: string | null }>({
    loading: false,
    error: null,
  });
  const loadingOlder = useRef(false);

  useEffect(() => {
    let active = true;
    const parser = new LineParser();
    const queue: StreamChunk[] = [];
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastDrain = 0;
    let ended: StreamEnd | null = null;
    // A since bound means nothing older is wanted.
    buffer.reset(range.since === undefined);
    const setFollow = (next: FollowState) => setFollowOf({ key, follow: next });

    const drain = () => {
      frame = 0;
      lastDrain = performance.now();
      if (!active) return;
      let chars = 0;
      const taken: StreamChunk[] = [];
      while (queue.length > 0 && chars < charsPerFrame) {
        const chunk = queue.shift() as StreamChunk;
        chars += chunk.text.length;
        taken.push(chunk);
      }
      const lines: LogLine[] = parser.parse(taken, buffer.takeSeq);
      if (queue.length === 0 && ended) lines.push(...parser.flush(buffer.takeSeq));
      buffer.append(lines);
      if (queue.length > 0) frame = requestAnimationFrame(drain);
      else if (ended) setFollow({ state: 'ended', end: ended });
    };
    const schedule = () => {
      if (frame !== 0 || timer !== null) return;
      const wait = minAppendMs - (performance.now() - lastDrain);
      if (wait <= 0 || ended) frame = requestAnimationFrame(drain);
      else
        timer = setTimeout(() => {
          timer = null;
          if (active) frame = requestAnimationFrame(drain);
        }, wait);
    };

    const opening = openStream(
      client,
      (streamId) =>
        client.invoke('logs:follow', {
          streamId,
          id: containerId,
          tail: initialTail,
          ...(range.since !== undefined ? { since: range.since } : {}),
          ...(range.until !== undefined ? { until: range.until } : {}),
        }),
      {
        onData: (chunks) => {
          queue.push(...chunks);
          schedule();
        },
        onEnd: (end) => {
          ended = end;
          schedule();
        },
      },
    );
    opening.then(
      () => active && !ended && setFollow({ state: 'live' }),
      (error: unknown) => active && setFollow({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      active = false;
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      opening
        .then((stream) => stream.close())
        .catch(() => {
          // It failed to open: nothing to close, and the failure was shown.
        });
    };
  }, [client, containerId, range.since, range.until, buffer, key]);

  const fetchOlder = useCallback(async () => {
    const first = buffer.lines[0];
    if (loadingOlder.current || !buffer.hasOlder || !first?.ts) return;
    loadingOlder.current = true;
    setOlderState({ loading: true, error: null });
    try {
      const page = await client.invoke('logs:fetch', { id: containerId, before: first.ts, limit: pageSize });
      // The logs were reopened meanwhile: this page belongs to the previous window.
      if (buffer.lines[0] !== first) {
        setOlderState({ loading: false, error: null });
        return;
      }
      const parser = new LineParser();
      const lines = [...parser.parse(page.chunks, () => 0), ...parser.flush(() => 0)];
      const seq = buffer.olderSeqs(lines.length);
      for (const line of lines) line.seq = seq();
      buffer.prepend(lines, page.reachedStart);
      setOlderState({ loading: false, error: null });
    } catch (error) {
      setOlderState({ loading: false, error: errorMessage(error) });
    } finally {
      loadingOlder.current = false;
    }
  }, [buffer, client, containerId]);

  const restart = useCallback(() => setGeneration((n) => n + 1), []);
  return { follow, older: olderState, fetchOlder, restart };
}
