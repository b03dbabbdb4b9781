// Tells a container that stopped by itself with a failure (a crash, a non-zero exit, an OOM kill) from one
// somebody stopped: the engine sends `kill` before `die` whenever a stop or kill was asked for (by Berth, the
// CLI or anyone), so a `die` with a non-zero code and no `kill` since the container's last start is
// unexpected. Raised as `containers:exited`, which the desktop shell turns into a notification.
import type { ContainerExited } from '../../shared/notice-types';
import type { EngineEvent } from '../connection/engine-connection';

export class UnexpectedExits {
  /** Containers somebody asked to stop or kill since they last started. */
  private readonly stopAsked = new Set<string>();
  private readonly oomKilled = new Set<string>();

  constructor(private readonly raise: (exit: ContainerExited) => void) {}

  onEngineEvent(event: EngineEvent): void {
    const id = event.Actor.ID;
    if (event.Type !== 'container' || !id) return;
    const verb = event.Action.split(':', 1)[0]!.trim();
    switch (verb) {
      case 'start':
        this.stopAsked.delete(id);
        this.oomKilled.delete(id);
        break;
      case 'kill':
        this.stopAsked.add(id);
        break;
      case 'oom':
        this.oomKilled.add(id);
        break;
      case 'die': {
        const exitCode = Number(event.Actor.Attributes.exitCode ?? 0);
        const oom = this.oomKilled.has(id);
        const asked = this.stopAsked.has(id);
        this.stopAsked.delete(id);
        this.oomKilled.delete(id);
        if ((exitCode === 0 || asked) && !oom) return;
        this.raise({
          id,
          name: event.Actor.Attributes.name ?? id.slice(0, 12),
          exitCode,
          oomKilled: oom,
          t: event.timeNano ? Math.round(event.timeNano / 1e6) : Date.now(),
        });
        break;
      }
      case 'destroy':
        this.stopAsked.delete(id);
        this.oomKilled.delete(id);
        break;
    }
  }
}
