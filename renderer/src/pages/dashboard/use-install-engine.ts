// One run of Berth's engine installer for the first-run page: opens the setup:install-engine stream, keeps its
// output (bounded), and ends in done, failed (the installer's words) or cancelled. Cancel asks the core to stop
// the package manager (setup:cancel-install) and keeps showing the output until the installer really ends; the
// panel going away only stops listening, since the install itself is better finished than cut short.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StreamChunk } from '@shared/stream-types';
import { useBerthClient } from '../../data/client-context';
import { channelKey } from '../../data/channel-query';
import { openStream, type OpenedStream } from '../../ipc/open-stream';

const maxOutputChars = 200_000;

export type InstallState =
  | { phase: 'idle' }
  | { phase: 'running'; output: string; note: string | null }
  | { phase: 'done'; output: string }
  | { phase: 'failed'; output: string; message: string }
  | { phase: 'cancelled'; output: string; message: string };

const append = (output: string, chunks: StreamChunk[]) => {
  const next = output + chunks.map((chunk) => chunk.text).join('');
  return next.length > maxOutputChars ? next.slice(next.length - maxOutputChars) : next;
};

export function useInstallEngine() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [state, setState] = useState<InstallState>({ phase: 'idle' });
  const stream = useRef<OpenedStream | null>(null);

  const start = useCallback(async () => {
    setState({ phase: 'running', output: '', note: null });
    try {
      stream.current = await openStream(client, (streamId) => client.invoke('setup:install-engine', { streamId }), {
        onData: (chunks) =>
          setState((now) => (now.phase === 'running' ? { ...now, output: append(now.output, chunks) } : now)),
        onEnd: (end) => {
          stream.current = null;
          setState((now) => {
            const output = now.phase === 'idle' ? '' : now.output;
            if (!end.error) return { phase: 'done', output };
            return end.error.code === 'CANCELLED'
              ? { phase: 'cancelled', output, message: end.error.message }
              : { phase: 'failed', output, message: end.error.message };
          });
          // Berth's own engine may be possible now (dockerd is installed): the choices are read again.
          if (!end.error) void queries.invalidateQueries({ queryKey: channelKey('engines:setup-options', {}) });
        },
      });
    } catch (error) {
      // Refused before anything ran: no install command, no privilege path, another install running.
      setState({ phase: 'failed', output: '', message: (error as Error).message });
    }
  }, [client, queries]);

  const cancel = useCallback(async () => {
    try {
      const answer = await client.invoke('setup:cancel-install', {});
      setState((now) => (now.phase === 'running' ? { ...now, note: answer.message } : now));
    } catch (error) {
      setState((now) => (now.phase === 'running' ? { ...now, note: (error as Error).message } : now));
    }
  }, [client]);

  useEffect(() => () => stream.current?.close(), []);

  return { state, start, cancel };
}
