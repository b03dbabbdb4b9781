// A container's state as a coloured badge: running green, paused amber, dead red, the rest grey.
import type { ContainerState } from '@shared/container-types';

export function StateBadge({ state }: { state: ContainerState }) {
  return <span className={`badge badge-${state}`}>{state}</span>;
}
