// Containers grouped by their compose project (`com.docker.compose.project`), with each project's aggregate
// state ("2/3 running"), for the Containers page's project rows. Pure, so it is tested without React.
import type { ContainerSummary } from '@shared/container-types';

export interface ProjectGroup {
  name: string;
  /** Sorted by name. */
  containers: ContainerSummary[];
  running: number;
  total: number;
}

/** One group per project, sorted by name; containers outside any project are left out. */
export function groupByProject(containers: readonly ContainerSummary[]): ProjectGroup[] {
  const byName = new Map<string, ContainerSummary[]>();
  for (const container of containers) {
    if (!container.composeProject) continue;
    const list = byName.get(container.composeProject) ?? [];
    list.push(container);
    byName.set(container.composeProject, list);
  }
  return [...byName.entries()]
    .map(([name, list]) => ({
      name,
      containers: [...list].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
      running: list.filter((c) => c.state === 'running').length,
      total: list.length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** `all` every container runs, `none` none does, `some` in between: the colour of the project's badge. */
export function projectHealth(group: ProjectGroup): 'all' | 'some' | 'none' {
  if (group.running === 0) return 'none';
  return group.running === group.total ? 'all' : 'some';
}

export function projectStateText(group: ProjectGroup): string {
  return `${group.running}/${group.total} running`;
}
