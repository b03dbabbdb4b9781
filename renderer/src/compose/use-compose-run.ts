// One compose command's run as the dialogs show it: its output (bounded, so a chatty `up` cannot grow the
// page without end), whether it runs, how it ended (exit code, refusal, cancel). Leaving the dialog closes the
// stream, which ends the CLI in the core.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '@shared/contract';
import type { StreamChunk } from '@shared/stream-types';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../data/client-context';
import { openStream, type OpenedStream } from '../ipc/open-stream';

/** Characters of output kept; the oldest go first. */
const maxChars = 200_000;

export type RunOutcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'exited'; exitCode: number | null }
  | { kind: 'failed'; message: string; code?: string }
  | { kind: 'cancelled' };

type ComposeChannel = 'compose:up' | 'compose:down';
type Payload<C extends ComposeChannel> = Omit<RequestOf<C>, 'streamId'>;

export function useComposeRun() {
  const client = useBerthClient();
  const [chunks, setChunks] = useState<StreamChunk[]>([]);
  const [outcome, setOutcome] = useState<RunOutcome>({ kind: 'idle' });
  const stream = useRef<OpenedStream | null>(null);

  useEffect(() => () => stream.current?.close(), []);

  const start = useCallback(
    async <C extends ComposeChannel>(channel: C, payload: Payload<C>): Promise<boolean> => {
      stream.current?.close();
      setChunks([]);
      setOutcome({ kind: 'running' });
      try {
        stream.current = await openStream(
          client,
          (streamId) => client.invoke(channel, { ...payload, streamId } as RequestOf<C>),
          {
            onData: (more) => setChunks((previous) => bounded([...previous, ...more])),
            onEnd: (end) => {
              stream.current = null;
              setOutcome(
                end.error
                  ? { kind: 'failed', message: end.error.message, code: end.error.code }
                  : { kind: 'exited', exitCode: end.exitCode },
              );
            },
          },
        );
        return true;
      } catch (error) {
        const code = (error as { code?: string }).code;
        setOutcome({ kind: 'failed', message: errorMessage(error), code });
        return false;
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (!stream.current) return;
    stream.current.close();
    stream.current = null;
    setOutcome({ kind: 'cancelled' });
  }, []);

  const reset = useCallback(() => {
    setChunks([]);
    setOutcome({ kind: 'idle' });
  }, []);

  return { chunks, outcome, running: outcome.kind === 'running', start, cancel, reset };
}

function bounded(chunks: StreamChunk[]): StreamChunk[] {
  let total = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  let first = 0;
  while (total > maxChars && first < chunks.length - 1) total -= chunks[first++].text.length;
  return first === 0 ? chunks : chunks.slice(first);
}
