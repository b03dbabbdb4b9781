// Read-only looks inside one container for the Inspect and Isolation tabs: the engine's inspect (with the
// readable sections), its processes with host and container PIDs, and its filesystem changes against its image.
import { existsSync } from 'node:fs';
import type { ContainerChangesView, ContainerTopView, FileChange, FileChangeKind } from '../../shared/inspect-types';
import type { ContainerInspectView } from '../../shared/inspect-types';
import { BerthError } from '../../shared/errors';
import type { EngineLink } from '../connection/engine-link';
import { engineMessage } from '../connection/engine-errors';
import { containerPids } from './container-pids';
import { toInspectView } from './inspect-view';
import { podmanTopArgs, topTable, type TopAnswer } from './top-table';
import type { PortProblemOf } from '../containers/containers-service';

/** The engine's `Kind` numbers for a change (`docker diff` letters): 0 changed, 1 added, 2 deleted. */
const changeKinds: Record<number, FileChangeKind> = { 0: 'C', 1: 'A', 2: 'D' };

export interface InspectServiceOptions {
  connection: EngineLink;
  /** `/proc`; injectable for tests. */
  procRoot?: string;
  portProblem?: PortProblemOf;
}

function notRunning(name: string): BerthError {
  return new BerthError(
    'CONFLICT',
    `${name} is not running, so it has no processes to list. Start it to see its processes.`,
  );
}

export class InspectService {
  private readonly procRoot: string;

  constructor(private readonly options: InspectServiceOptions) {
    this.procRoot = options.procRoot ?? '/proc';
  }

  /** Raw engine errors (404 for an unknown container) pass through: the router maps them. */
  async inspect(ref: string): Promise<ContainerInspectView> {
    const raw = (await this.options.connection.client().getContainer(ref).inspect()) as unknown;
    const view = toInspectView(raw as Record<string, unknown>);
    const problem = this.options.portProblem;
    if (!problem) return view;
    const ports = view.ports.map((port) => {
      const why = port.publicPort === null ? undefined : problem(view.id, port.protocol, port.publicPort);
      return why ? { ...port, problem: why } : port;
    });
    return { ...view, ports };
  }

  async top(ref: string): Promise<ContainerTopView> {
    const container = this.options.connection.client().getContainer(ref);
    const info = await container.inspect();
    const name = info.Name.replace(/^\//, '') || ref;
    if (!info.State.Running) throw notRunning(name);
    const podman = this.isPodman();
    let answer: TopAnswer;
    try {
      answer = (await container.top(podman ? { ps_args: podmanTopArgs } : {})) as TopAnswer;
    } catch (error) {
      // It stopped between the two calls: the engine says "is not running" with a 409 (Docker) or 500 (Podman).
      if (/not running/i.test(engineMessage(error))) throw notRunning(name);
      throw error;
    }
    if (podman) {
      const table = topTable(answer, { host: 'HPID', container: 'PID', ppidIs: 'inside' });
      const missing = table.processes.some((process) => process.hostPid === null);
      return {
        titles: table.titles,
        processes: table.processes,
        containerPidsUnavailable: missing ? 'Host PIDs are not available: Podman did not report them all.' : null,
      };
    }
    const table = topTable(answer, { host: 'PID', container: null, ppidIs: 'host' });
    const hostPids = table.processes.flatMap((process) => (process.hostPid === null ? [] : [process.hostPid]));
    const lookup = !table.hasHostPids
      ? { unavailable: 'the engine’s answer has no PID column' }
      : this.isLocal()
        ? await containerPids(this.procRoot, info.Id, hostPids)
        : { unavailable: 'the engine does not run on this computer, so its PIDs cannot be looked up here' };
    const pids = 'pids' in lookup ? lookup.pids : new Map<number, number>();
    return {
      titles: table.titles,
      processes: table.processes.map((process) => ({
        ...process,
        containerPid: process.hostPid === null ? null : (pids.get(process.hostPid) ?? null),
      })),
      containerPidsUnavailable:
        'unavailable' in lookup ? `Container PIDs are not available for this engine: ${lookup.unavailable}.` : null,
    };
  }

  async changes(ref: string): Promise<ContainerChangesView> {
    const answer: unknown = await this.options.connection.client().getContainer(ref).changes();
    // No changes: Docker answers `null`, which the client hands over as an empty Buffer.
    const list = Array.isArray(answer) ? (answer as { Path?: unknown; Kind?: unknown }[]) : [];
    const changes: FileChange[] = list
      .filter((change) => typeof change.Path === 'string' && typeof change.Kind === 'number')
      .map((change) => ({ path: change.Path as string, kind: changeKinds[change.Kind as number] ?? 'C' }));
    return { changes: changes.sort((a, b) => a.path.localeCompare(b.path)) };
  }

  private isPodman(): boolean {
    const status = this.options.connection.status;
    return status.state === 'connected' && status.info.product === 'podman';
  }

  /** As the cgroup stats collector decides: a unix socket and a /proc here (each PID is then checked too). */
  private isLocal(): boolean {
    const status = this.options.connection.status;
    return (
      status.state === 'connected' &&
      status.endpoint.host.startsWith('unix://') &&
      existsSync(`${this.procRoot}/self/status`)
    );
  }
}
