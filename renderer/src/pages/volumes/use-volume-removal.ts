// Removing one volume or the selected ones, one request each so that a refusal (a volume in use: the core's
// CONFLICT names the containers) never hides the others: the outcome lists what went and what was kept, and why.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../../data/client-context';

export interface VolumeRemoval {
  removed: string[];
  refused: { name: string; message: string }[];
}

/** Volumes have no engine events here: after a change the list and the sizes are asked again. */
export function refreshVolumes(queries: QueryClient): void {
  void queries.invalidateQueries({ queryKey: ['volumes:list'] });
  void queries.invalidateQueries({ queryKey: ['volumes:sizes'] });
  void queries.invalidateQueries({ queryKey: ['volumes:inspect'] });
}

export function useVolumeRemoval() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<VolumeRemoval | null>(null);

  const remove = useCallback(
    async (names: readonly string[]) => {
      setPending(true);
      setOutcome(null);
      const result: VolumeRemoval = { removed: [], refused: [] };
      for (const name of names) {
        try {
          await client.invoke('volumes:remove', { name });
          result.removed.push(name);
        } catch (caught) {
          result.refused.push({ name, message: errorMessage(caught) });
        }
      }
      setOutcome(result);
      setPending(false);
      refreshVolumes(queries);
      return result;
    },
    [client, queries],
  );

  return { pending, outcome, remove, dismiss: useCallback(() => setOutcome(null), []) };
}
