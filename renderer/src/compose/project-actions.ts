// Start, stop, restart and remove of a whole compose project through the core's `containers:bulk` (every
// container with the project's label, found by the core at the moment it acts), with one result per container
// so one failure never hides the others.
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
  project: string,
): Promise<ProjectActionResult[]> {
  // Remove confirms first (compose-projects.tsx), and says running containers are stopped: force does that.
  const { results } = await client.invoke('containers:bulk', {
    action,
    project,
    ...(action === 'remove' ? { force: true } : {}),
  });
  return results.map((result) => ({ ...result, error: result.error?.message ?? null }));
}

/** The sentence under a project after an action: which containers failed and why; null when all went well. */
export function failureSummary(action: ProjectAction, results: readonly ProjectActionResult[]): string | null {
  const failed = results.filter((result) => !result.ok);
  if (failed.length === 0) return null;
  const lines = failed.map((result) => `${result.name}: ${result.error ?? 'failed'}`);
  return `${failed.length} of ${results.length} could not ${action}. ${lines.join(' · ')}`;
}
