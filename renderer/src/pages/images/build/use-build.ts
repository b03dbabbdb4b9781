// One build at a time for the Build dialog: opens the images:build stream, keeps its output (bounded: the
// newest text wins), and ends in done (with the built image), failed (the step and the engine's words) or
// cancelled. Cancel, and the dialog going away, close the stream, which aborts the build in the engine.
import { useCallback, useEffect, useRef, useState } from 'react';
import Anser from 'anser';
import { parseBuiltImage, type BuiltImage } from '@shared/build-types';
import type { RequestOf } from '@shared/contract';
import type { StreamChunk } from '@shared/stream-types';
import { useBerthClient } from '../../../data/client-context';
import { openStream, type OpenedStream } from '../../../ipc/open-stream';

/** Enough for any build's log worth reading here; older text is dropped first. */
const maxOutputChars = 400_000;

export type BuildState =
  | { phase: 'idle' }
  | { phase: 'running'; output: string }
  | { phase: 'done'; output: string; built: BuiltImage }
  | { phase: 'failed'; output: string; message: string }
  | { phase: 'cancelled'; output: string };

const append = (output: string, chunks: StreamChunk[]) => {
  // Build steps may print colours; the log shows plain text.
  const next = output + chunks.map((chunk) => Anser.ansiToText(chunk.text)).join('');
  return next.length > maxOutputChars ? next.slice(next.length - maxOutputChars) : next;
};

export function useBuild() {
  const client = useBerthClient();
  const [state, setState] = useState<BuildState>({ phase: 'idle' });
  const stream = useRef<OpenedStream | null>(null);
  const systemText = useRef('');
  /** Cancel pressed before the core answered the request: close the stream as soon as it exists. */
  const cancelled = useRef(false);

  const start = useCallback(
    async (request: (streamId: string) => RequestOf<'images:build'>) => {
      systemText.current = '';
      cancelled.current = false;
      setState({ phase: 'running', output: '' });
      try {
        const opened = await openStream(client, (id) => client.invoke('images:build', request(id)), {
          onData: (chunks) => {
            for (const chunk of chunks) if (chunk.fd === 'system') systemText.current += chunk.text;
            setState((now) => (now.phase === 'running' ? { ...now, output: append(now.output, chunks) } : now));
          },
          onEnd: (end) => {
            stream.current = null;
            setState((now) => {
              const output = now.phase === 'idle' ? '' : now.output;
              if (end.error) return { phase: 'failed', output, message: end.error.message };
              const built = parseBuiltImage(systemText.current);
              return built
                ? { phase: 'done', output, built }
                : { phase: 'failed', output, message: 'The build ended without an image.' };
            });
          },
        });
        if (cancelled.current) opened.close();
        else stream.current = opened;
      } catch (error) {
        // The request itself was refused (no such folder, no Dockerfile): nothing ran.
        setState({ phase: 'failed', output: '', message: (error as Error).message });
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    stream.current?.close();
    stream.current = null;
    setState((now) => (now.phase === 'running' ? { phase: 'cancelled', output: now.output } : now));
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  // A dialog closed mid-build cancels it: nobody would see its end.
  useEffect(() => () => stream.current?.close(), []);

  return { state, start, cancel, reset };
}
