// Start, stop, restart and remove of a whole compose project, with one result per container so one failure
// never hides the others. Until the core's `containers:bulk` is in this build, each container is asked in turn
// through the single-container channels; the results have the same shape.
import type { ContainerSummary } from '@shared/container-types';
import { errorMessage } from '@shared/error-message';
import type { BerthClient } from '../ipc/berth-client';

export type ProjectAction = 'start' | 'stop' | 'restart' | 'remove';

export interface ProjectActionResult {
  id: string;
  name: string;
  ok: boolean;
  error: string | null;
}

export async function runProjectAction(
  client: BerthClient,
  action: ProjectAction,
  containers: readonly ContainerSummary[],
): Promise<ProjectActionResult[]> {
  return Promise.all(
    containers.map(async (container) => {
      const id = container.id;
      try {
        if (action === 'start' || action === 'restart') {
          if (action === 'restart' && container.state === 'running') await client.invoke('containers:stop', { id });
          await client.invoke('containers:start', { id });
        } else if (action === 'stop') {
          if (container.state === 'running') await client.invoke('containers:stop', { id });
        } else {
          await client.invoke('containers:remove', { id, force: true });
        }
        return { id, name: container.name, ok: true, error: null };
      } catch (error) {
        return { id, name: container.name, ok: false, error: errorMessage(error) };
      }
    }),
  );
}

/** The sentence under a project after an action: which containers failed and why; null when all went well. */
export function failureSummary(action: ProjectAction, results: readonly ProjectActionResult[]): string | null {
  const failed = results.filter((result) => !result.ok);
  if (failed.length === 0) return null;
  const lines = failed.map((result) => `${result.name}: ${result.error ?? 'failed'}`);
  return `${failed.length} of ${results.length} could not ${action}. ${lines.join(' · ')}`;
}
