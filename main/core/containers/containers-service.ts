// Containers: the list, the start/stop/remove actions, and turning the engine's container events into
// `containers:changed` hub events (plus a resync after every reconnection) so the UI refetches when needed.
import type { ContainerSummary, PortBinding } from '../../shared/container-types';
import { forwardChanges, type Change } from '../connection/changed-events';
import type { EngineEvent } from '../connection/engine-connection';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import { consoleLogger, type Logger } from '../logger';
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

/** An engine status code meaning "already in that state": for a dashboard, the request is then fulfilled. */
function isAlreadyDone(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 304;
}

/** Why a published port is not reachable on this computer (a VM engine's forward failed), if it is not. */
export type PortProblemOf = (containerId: string, protocol: string, hostPort: number) => string | undefined;

export class ContainersService {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly connection: EngineLink,
    hub: Pick<EventHub, 'emit'>,
    private readonly log: Logger = consoleLogger,
    private readonly portProblem: PortProblemOf = () => undefined,
  ) {
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

  async start(id: string): Promise<{ id: string }> {
    try {
      await this.connection.client().getContainer(id).start();
    } catch (error) {
      if (!isAlreadyDone(error)) throw error;
      this.log.info(`[containers] ${id} was already running`);
    }
    return { id };
  }

  async stop(id: string, timeoutSeconds?: number): Promise<{ id: string }> {
    try {
      await this.connection
        .client()
        .getContainer(id)
        .stop(timeoutSeconds === undefined ? {} : { t: timeoutSeconds });
    } catch (error) {
      if (!isAlreadyDone(error)) throw error;
      this.log.info(`[containers] ${id} was already stopped`);
    }
    return { id };
  }

  async remove(id: string, force = false): Promise<{ id: string }> {
    await this.connection.client().getContainer(id).remove({ force });
    return { id };
  }

  dispose(): void {
    this.unsubscribe();
  }
}
