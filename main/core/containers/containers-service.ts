// Containers: the list, the start/stop/remove actions (ContainerLifecycle), and turning the engine's container events into
// `containers:changed` hub events (plus a resync after every reconnection) so the UI refetches when needed.
import type { ContainerSummary, PortBinding } from '../../shared/container-types';
import { forwardChanges, type Change } from '../connection/changed-events';
import type { EngineEvent } from '../connection/engine-connection';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import { consoleLogger, type Logger } from '../logger';
import { ContainerLifecycle } from './container-lifecycle';
import { toContainerSummary } from './container-summary';

/** Actions that change nothing the container list shows; forwarding them would only cause refetches. */
const quietActions = new Set([
  'top',
  'attach',
  'detach',
  'resize',
  'export',
  'commit',
  'copy',
  'archive-path',
  'extract-to-dir',
]);

/** `exec_start: sh -c ...` and `health_status: healthy` carry details after a colon; the UI needs the verb only. */
export function containerAction(action: string): string | null {
  const verb = action.split(':', 1)[0].trim();
  if (verb === '' || verb.startsWith('exec_') || quietActions.has(verb)) return null;
  return verb;
}

function containerChange(event: EngineEvent): Change | null {
  if (event.Type !== 'container' || !event.Actor.ID) return null;
  const action = containerAction(event.Action);
  return action ? { id: event.Actor.ID, action } : null;
}

/** Why a published port is not reachable on this computer (a VM engine's forward failed), if it is not. */
export type PortProblemOf = (containerId: string, protocol: string, hostPort: number) => string | undefined;

export class ContainersService {
  private readonly unsubscribe: () => void;
  readonly lifecycle: ContainerLifecycle;

  constructor(
    private readonly connection: EngineLink,
    hub: Pick<EventHub, 'emit'>,
    log: Logger = consoleLogger,
    private readonly portProblem: PortProblemOf = () => undefined,
  ) {
    this.lifecycle = new ContainerLifecycle(connection, log);
    this.unsubscribe = forwardChanges(connection, hub, 'containers:changed', containerChange);
  }

  async list(options: { all?: boolean } = {}): Promise<ContainerSummary[]> {
    const containers = await this.connection.client().listContainers({ all: options.all ?? false });
    return containers.map((info) => {
      const summary = toContainerSummary(info);
      return { ...summary, ports: summary.ports.map((port) => this.withProblem(summary.id, port)) };
    });
  }

  private withProblem(id: string, port: PortBinding): PortBinding {
    const problem = port.publicPort === null ? undefined : this.portProblem(id, port.protocol, port.publicPort);
    return problem ? { ...port, problem } : port;
  }

  // The actions live in ContainerLifecycle (races with the engine said plainly); these keep their old callers.
  start(id: string): Promise<{ id: string }> {
    return this.lifecycle.start(id);
  }

  stop(id: string, timeoutSeconds?: number): Promise<{ id: string }> {
    return this.lifecycle.stop(id, timeoutSeconds);
  }

  remove(id: string, force = false, volumes = false): Promise<{ id: string }> {
    return this.lifecycle.remove(id, { force, volumes });
  }

  dispose(): void {
    this.unsubscribe();
  }
}
