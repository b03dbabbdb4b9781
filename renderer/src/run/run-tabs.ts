// Owns which tab of the run dialog each problem belongs to, so a tab can say how many it holds.
import type { RunCheck } from './run-form-check';

export const runTabs = [
  { id: 'general', label: 'General' },
  { id: 'env', label: 'Environment' },
  { id: 'ports', label: 'Ports' },
  { id: 'storage', label: 'Storage' },
  { id: 'labels', label: 'Labels' },
  { id: 'limits', label: 'Limits' },
] as const;

export type RunTabId = (typeof runTabs)[number]['id'];

const tabOfSection: Record<string, RunTabId> = { env: 'env', ports: 'ports', mounts: 'storage', labels: 'labels' };

export function problemsPerTab(check: Pick<RunCheck, 'problems' | 'limitProblems'>): Record<RunTabId, number> {
  const counts: Record<RunTabId, number> = {
    general: 0,
    env: 0,
    ports: 0,
    storage: 0,
    labels: 0,
    limits: check.limitProblems.length,
  };
  for (const key of Object.keys(check.problems)) counts[tabOfSection[key.split(':')[0]] ?? 'general'] += 1;
  return counts;
}
