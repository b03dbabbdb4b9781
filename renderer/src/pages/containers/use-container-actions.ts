// Start, stop and remove for container rows: which rows have an action under way, the last error (kept
// until dismissed), and the container awaiting confirmation of its removal.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { useBerthClient } from '../../data/client-context';
import { isStopped } from '../../model/container-filter';
import { errorMessage } from '@shared/error-message';

export type ContainerAction = 'start' | 'stop' | 'remove';

export interface ActionError {
  title: string;
  message: string;
}

const verbs: Record<ContainerAction, string> = { start: 'start', stop: 'stop', remove: 'remove' };

export function useContainerActions() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [pending, setPending] = useState<ReadonlyMap<string, ContainerAction>>(new Map());
  const [error, setError] = useState<ActionError | null>(null);
  const [confirming, setConfirming] = useState<ContainerSummary | null>(null);

  const run = useCallback(
    async (action: ContainerAction, container: ContainerSummary) => {
      setPending((map) => new Map(map).set(container.id, action));
      try {
        const id = container.id;
        if (action === 'start') await client.invoke('containers:start', { id });
        else if (action === 'stop') await client.invoke('containers:stop', { id });
        // A running container cannot be removed without force; the dialog said it will be stopped.
        else await client.invoke('containers:remove', { id, force: !isStopped(container) });
      } catch (caught) {
        const message = errorMessage(caught);
        setError({ title: `Could not ${verbs[action]} ${container.name}`, message });
      } finally {
        setPending((map) => {
          const next = new Map(map);
          next.delete(container.id);
          return next;
        });
        // The engine's event refreshes the list too; this covers an action that changed nothing.
        void queries.invalidateQueries({ queryKey: ['containers:list'] });
      }
    },
    [client, queries],
  );

  return {
    pending,
    error,
    dismissError: useCallback(() => setError(null), []),
    start: useCallback((c: ContainerSummary) => void run('start', c), [run]),
    stop: useCallback((c: ContainerSummary) => void run('stop', c), [run]),
    /** Asks first; `confirmRemove` does it. */
    askRemove: setConfirming,
    confirming,
    confirmRemove: useCallback(() => {
      if (confirming) void run('remove', confirming);
      setConfirming(null);
    }, [confirming, run]),
    cancelRemove: useCallback(() => setConfirming(null), []),
  };
}
