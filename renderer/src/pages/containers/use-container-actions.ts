// Every lifecycle action on one container, for its row, its page and the command palette: which containers
// have an action under way, the last error (kept until dismissed), and the containers awaiting a dialog
// (remove, rename). `perform` is the one entry point by action name; rename and remove ask first.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { KillSignal } from '@shared/container-action-types';
import type { ContainerSummary } from '@shared/container-types';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../../data/client-context';
import { actionVerbs, type ContainerAction } from '../../model/container-actions';
import { isStopped } from '../../model/container-filter';

export type { ContainerAction };

export interface ActionError {
  title: string;
  message: string;
}

interface ActionOptions {
  signal?: KillSignal;
  name?: string;
  volumes?: boolean;
}

export function useContainerActions() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [pending, setPending] = useState<ReadonlyMap<string, ContainerAction>>(new Map());
  const [error, setError] = useState<ActionError | null>(null);
  const [confirming, setConfirming] = useState<ContainerSummary | null>(null);
  const [renaming, setRenaming] = useState<ContainerSummary | null>(null);

  const call = useCallback(
    (action: ContainerAction, container: ContainerSummary, options: ActionOptions): Promise<unknown> => {
      const id = container.id;
      switch (action) {
        case 'start':
        case 'pause':
        case 'unpause':
          return client.invoke(`containers:${action}`, { id });
        case 'stop':
        case 'restart':
          return client.invoke(`containers:${action}`, { id });
        case 'kill':
          return client.invoke('containers:kill', { id, signal: options.signal });
        case 'rename':
          return client.invoke('containers:rename', { id, name: options.name ?? container.name });
        case 'remove':
          // A running container cannot be removed without force; the dialog said it will be stopped.
          return client.invoke('containers:remove', { id, force: !isStopped(container), volumes: options.volumes });
      }
    },
    [client],
  );

  /** Resolves true when the action succeeded (a dialog closes then), false when it failed (the error is shown). */
  const run = useCallback(
    async (action: ContainerAction, container: ContainerSummary, options: ActionOptions = {}) => {
      setPending((map) => new Map(map).set(container.id, action));
      try {
        await call(action, container, options);
        return true;
      } catch (caught) {
        setError({ title: `Could not ${actionVerbs[action]} ${container.name}`, message: errorMessage(caught) });
        return false;
      } finally {
        setPending((map) => {
          const next = new Map(map);
          next.delete(container.id);
          return next;
        });
        // The engine's event refreshes the list too; this covers an action that changed nothing.
        void queries.invalidateQueries({ queryKey: ['containers:list'] });
        void queries.invalidateQueries({ queryKey: ['containers:exit-info'] });
      }
    },
    [call, queries],
  );

  const perform = useCallback(
    (action: ContainerAction, container: ContainerSummary, signal?: KillSignal) => {
      if (action === 'remove') setConfirming(container);
      else if (action === 'rename') setRenaming(container);
      else void run(action, container, { signal });
    },
    [run],
  );

  return {
    pending,
    error,
    dismissError: useCallback(() => setError(null), []),
    perform,
    start: useCallback((c: ContainerSummary) => void run('start', c), [run]),
    stop: useCallback((c: ContainerSummary) => void run('stop', c), [run]),
    /** Asks first; `confirmRemove` does it. */
    askRemove: setConfirming,
    confirming,
    confirmRemove: useCallback(
      (volumes = false) => {
        if (confirming) void run('remove', confirming, { volumes });
        setConfirming(null);
      },
      [confirming, run],
    ),
    cancelRemove: useCallback(() => setConfirming(null), []),
    renaming,
    confirmRename: useCallback(
      async (name: string) => {
        if (renaming && (await run('rename', renaming, { name }))) setRenaming(null);
      },
      [renaming, run],
    ),
    cancelRename: useCallback(() => {
      setRenaming(null);
      setError(null);
    }, []),
  };
}

export type ContainerActions = ReturnType<typeof useContainerActions>;
