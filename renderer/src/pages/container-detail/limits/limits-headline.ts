// Owns the one line beside the Limits heading: what happens to a change of this container. The engine's own
// notice wins (Podman: live only until a restart, or not at all while stopped); else Docker's behaviour.
import type { ContainerLimitsView } from '@shared/limits-types';

export function limitsHeadline(view: Pick<ContainerLimitsView, 'running' | 'capabilities'> | undefined): string {
  if (view?.capabilities.notice) return view.capabilities.notice;
  return view?.running === false ? 'Stopped: applied when it starts' : 'Changes apply live';
}
