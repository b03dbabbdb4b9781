// One lifecycle action on the selected containers through containers:bulk: the action under way, the
// per-container results of the last one (kept until dismissed), or the error when the whole call failed.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { BulkAction, BulkResultEntry, KillSignal } from '@shared/container-action-types';
import type { ContainerSummary } from '@shared/container-types';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../../data/client-context';

export interface BulkOutcome {
  action: BulkAction;
  results: BulkResultEntry[];
  /** The whole call failed (engine away, invalid request): nothing was tried. */
  error: string | null;
}

export interface BulkOptions {
  signal?: KillSignal;
  removeVolumes?: boolean;
}

export function useBulkActions() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const run = useCallback(
    async (action: BulkAction, containers: readonly ContainerSummary[], options: BulkOptions = {}) => {
      if (containers.length === 0) return;
      setPending(action);
      try {
        const ids = containers.map((container) => container.id);
        // The remove dialog said running ones are stopped first.
        const force = action === 'remove' ? true : undefined;
        const { results } = await client.invoke('containers:bulk', { action, ids, force, ...options });
        // A container gone before the core looked it up comes back under its id: name it as the user saw it.
        const names = new Map(containers.map((container) => [container.id, container.name]));
        const named = results.map((entry) => ({ ...entry, name: names.get(entry.id) ?? entry.name }));
        setOutcome({ action, results: named, error: null });
      } catch (caught) {
        setOutcome({ action, results: [], error: errorMessage(caught) });
      } finally {
        setPending(null);
        void queries.invalidateQueries({ queryKey: ['containers:list'] });
      }
    },
    [client, queries],
  );

  return { pending, outcome, run, dismiss: useCallback(() => setOutcome(null), []) };
}
