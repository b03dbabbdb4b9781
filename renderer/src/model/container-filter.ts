// Which containers a filter text and the "Show stopped" switch keep.
import type { ContainerState, ContainerSummary } from '@shared/container-types';

/** States `docker ps` without `--all` still lists; everything else counts as stopped. */
const activeStates: ReadonlySet<ContainerState> = new Set(['running', 'paused', 'restarting', 'removing']);

export function isStopped(container: Pick<ContainerSummary, 'state'>): boolean {
  return !activeStates.has(container.state);
}

/**
 * Case-insensitive: a substring of the name, image or compose project, the exact state (`running`), or a
 * prefix of the id (as `docker` accepts ids). Words separated by spaces must all match.
 */
export function matchesContainerFilter(container: ContainerSummary, filter: string): boolean {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => {
    return (
      container.name.toLowerCase().includes(word) ||
      container.image.toLowerCase().includes(word) ||
      (container.composeProject?.toLowerCase().includes(word) ?? false) ||
      container.state === word ||
      container.id.toLowerCase().startsWith(word)
    );
  });
}

export function filterContainers(
  containers: readonly ContainerSummary[],
  filter: string,
  showStopped: boolean,
): ContainerSummary[] {
  return containers.filter((c) => (showStopped || !isStopped(c)) && matchesContainerFilter(c, filter));
}
