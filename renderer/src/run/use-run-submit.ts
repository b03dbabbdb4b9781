// Sending a run (containers:run) or a "Create only" (containers:create, made the same way but not started) and
// where the user lands after it: the container's page for one (its live stats, or its Start action when only
// created), the Replicas page for several. The dialog stays as it was on failure, so nothing typed is lost.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RunSpec } from '@shared/run-types';
import { useBerthClient } from '../data/client-context';

export interface RunSubmission {
  spec: RunSpec;
  replicas: number;
  /** Create the container without starting it (one container: the dialog offers it only for one replica). */
  createOnly?: boolean;
}

export function useRunSubmit(onDone: () => void) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async ({ spec, replicas, createOnly }: RunSubmission) =>
      createOnly
        ? [await client.invoke('containers:create', { spec })]
        : client.invoke('containers:run', { spec, replicas }),
    onSuccess: (results, { replicas, createOnly }) => {
      // The engine's create events refresh these too; refetching now means the page lands on fresh data.
      void queries.invalidateQueries({ queryKey: ['containers:list'] });
      void queries.invalidateQueries({ queryKey: ['replicas:list'] });
      void queries.invalidateQueries({ queryKey: ['images:list'] });
      onDone();
      const first = results[0];
      void navigate(first && (createOnly || replicas === 1) ? `/containers/${first.id}` : '/replicas');
    },
  });
}
