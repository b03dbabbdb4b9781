// Which container a detail page shows: the route names it by full id, id prefix or name. Once found it is
// remembered, so when it disappears from the list (removed) the page can say so over its last known facts
// instead of turning into "not found".
import { useState } from 'react';
import type { ContainerSummary } from '@shared/container-types';

export interface ResolvedContainer {
  container: ContainerSummary | null;
  /** It was on the list and is no longer: removed (or renamed away). */
  gone: boolean;
}

export function matchesRef(container: ContainerSummary, ref: string): boolean {
  return container.id === ref || container.name === ref || (ref.length >= 4 && container.id.startsWith(ref));
}

export function useResolvedContainer(list: readonly ContainerSummary[] | undefined, ref: string): ResolvedContainer {
  const found = list?.find((c) => matchesRef(c, ref)) ?? null;
  const [last, setLast] = useState<ContainerSummary | null>(null);
  // Storing what an earlier render saw, during render: React re-renders at once without painting twice.
  if (found && found !== last) setLast(found);
  const remembered = last && matchesRef(last, ref) ? last : null;
  if (found) return { container: found, gone: false };
  return { container: remembered, gone: remembered !== null && list !== undefined };
}
