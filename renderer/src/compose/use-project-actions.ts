// Which project has an action under way, and the last failure per project (kept until dismissed).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorMessage } from '@shared/error-message';
import { useBerthClient } from '../data/client-context';
import { failureSummary, runProjectAction, type ProjectAction } from './project-actions';

export interface ProjectFailure {
  project: string;
  action: ProjectAction;
  message: string;
}

export function useProjectActions() {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [pending, setPending] = useState<ReadonlyMap<string, ProjectAction>>(new Map());
  const [failure, setFailure] = useState<ProjectFailure | null>(null);

  const run = useCallback(
    async (project: string, action: ProjectAction) => {
      setPending((map) => new Map(map).set(project, action));
      setFailure(null);
      try {
        const message = failureSummary(action, await runProjectAction(client, action, project));
        if (message) setFailure({ project, action, message });
      } catch (error) {
        // The request as a whole failed (engine gone, refused): nothing was done to any container.
        setFailure({ project, action, message: errorMessage(error) });
      } finally {
        setPending((map) => {
          const next = new Map(map);
          next.delete(project);
          return next;
        });
        void queries.invalidateQueries({ queryKey: ['containers:list'] });
      }
    },
    [client, queries],
  );

  return { pending, failure, run, dismiss: useCallback(() => setFailure(null), []) };
}
