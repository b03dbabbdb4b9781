// Keeps a VM's host listeners equal to what its running containers publish: each resync lists the guest's
// containers, plans against what listens now (port-forwards.ts) and opens or closes listeners through the
// mechanism it is given (qemu-port-forward.ts, ssh-port-forward.ts). Resyncs run one at a time; asks that
// arrive meanwhile become one more run. A listener that cannot open keeps its reason (shown on the container
// and the Engine page) and is tried again at every resync, so a port freed later is picked up.
import type Dockerode from 'dockerode';
import type { PortForwardView } from '../../../shared/engine-manager-types';
import { desiredForwards, forwardViews, planForwards, type Desired, type DesiredForward } from './port-forwards';

export interface ForwardHandle {
  close(): Promise<void>;
  /**
   * False when nothing was opened because this computer lacks the address (no IPv6 loopback): not a problem to
   * report, but the Engine page must not list the address as listening either.
   */
  listens?: boolean;
}

export interface PortForwarderOptions {
  /** The guest engine's running containers (`GET /containers/json`). */
  list(): Promise<Dockerode.ContainerInfo[]>;
  /** Settings → Published ports says all interfaces. */
  publishAll(): Promise<boolean>;
  /** Opens one host listener; rejects with the reason the user reads (e.g. the port is taken). */
  open(forward: DesiredForward): Promise<ForwardHandle>;
  note(line: string): void;
  /** What the views show changed (a listener opened, closed or failed). */
  changed(): void;
}

export class PortForwarder {
  private readonly active = new Map<string, { forward: DesiredForward; handle: ForwardHandle }>();
  private readonly problems = new Map<string, string>();
  private desired: Desired = { forwards: [], unforwardable: [] };
  private queued: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private disposed = false;
  private shown = '[]';

  constructor(private readonly options: PortForwarderOptions) {}

  /** Brings the listeners up to date; resolves when a run that started after this call has finished. */
  resync(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = null;
      return this.reconcile();
    });
    this.queued = run;
    this.tail = run.catch((error: Error) => this.options.note(`[ports] resync failed: ${error.message}`));
    return run;
  }

  views(): PortForwardView[] {
    const listening = new Set(
      [...this.active].filter(([, entry]) => entry.handle.listens !== false).map(([key]) => key),
    );
    return forwardViews(this.desired, this.problems, listening);
  }

  /** Why a container's published port is not reachable on this computer, if it is not. */
  problemOf(containerId: string, protocol: string, hostPort: number): string | undefined {
    const row = this.views().find(
      (view) => view.containerId === containerId && view.protocol === protocol && view.hostPort === hostPort,
    );
    return row?.problem ?? undefined;
  }

  /** Closes every listener; later resyncs do nothing. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.tail;
    await this.closeAll([...this.active.values()].map((entry) => entry.forward));
    this.desired = { forwards: [], unforwardable: [] };
    this.problems.clear();
  }

  private async reconcile(): Promise<void> {
    if (this.disposed) return;
    const began = Date.now();
    const [containers, publishAll] = await Promise.all([this.options.list(), this.options.publishAll()]);
    if (this.disposed) return;
    this.desired = desiredForwards(containers, publishAll);
    const plan = planForwards(
      new Map([...this.active].map(([key, entry]) => [key, entry.forward])),
      this.desired.forwards,
    );
    await this.closeAll(plan.remove);
    const wanted = new Set(this.desired.forwards.map((forward) => forward.key));
    for (const key of this.problems.keys()) if (!wanted.has(key)) this.problems.delete(key);
    for (const forward of plan.add) await this.openOne(forward);
    if (plan.add.length > 0 || plan.remove.length > 0)
      this.options.note(
        `[ports] resynced in ${Date.now() - began} ms: ${this.active.size} listening, ${this.problems.size} with a problem`,
      );
    this.announce();
  }

  private async openOne(forward: DesiredForward): Promise<void> {
    try {
      const handle = await this.options.open(forward);
      this.active.set(forward.key, { forward, handle });
      if (this.problems.delete(forward.key)) this.options.note(`[ports] ${describe(forward)} listens now`);
    } catch (error) {
      const problem = (error as Error).message;
      if (this.problems.get(forward.key) !== problem) this.options.note(`[ports] ${describe(forward)}: ${problem}`);
      this.problems.set(forward.key, problem);
    }
  }

  private async closeAll(forwards: DesiredForward[]): Promise<void> {
    for (const forward of forwards) {
      const entry = this.active.get(forward.key);
      if (!entry) continue;
      this.active.delete(forward.key);
      try {
        await entry.handle.close();
      } catch (error) {
        this.options.note(`[ports] could not close ${describe(forward)}: ${(error as Error).message}`);
      }
    }
  }

  private announce(): void {
    const shown = JSON.stringify(this.views());
    if (shown === this.shown) return;
    this.shown = shown;
    this.options.changed();
  }
}

function describe(forward: DesiredForward): string {
  const host = forward.hostAddress.includes(':') ? `[${forward.hostAddress}]` : forward.hostAddress;
  return `${forward.protocol} ${host}:${forward.hostPort} → ${forward.container.name}`;
}
