// The macOS backend: the VM runs in vfkit (Apple's Virtualization.framework), as Podman machine runs it. Start
// spawns vfkit (vfkit-args.ts), waits for its REST API to report the machine running, then for the guest engine
// to answer on the vsock-backed socket; stop asks the guest (REST "Stop"), forces it ("HardStop") after the
// deadline, and kills vfkit if even that is not heard. vfkit ends when its VM stops (cmd/vfkit/main.go waits for
// VirtualMachineStateStopped), so its exit is the machine's end. Written against vfkit's documentation and code
// only (no Mac here): unit tests drive it with a scripted process and REST API.
import { pollUntil, describeExit, sleep, type BackendChild, type Spawner } from './backend-process';
import { BackendStateMachine, type BackendState } from './backend-state';
import { vfkitArgs, type VfkitInputs } from './vfkit-args';
import type { VfkitRest } from './vfkit-rest';
import {
  unsupported,
  type BackendTraits,
  type EngineAccess,
  type StateListener,
  type StopOutcome,
  type VmBackend,
} from './vm-backend';

export interface VfkitTiming {
  /** Until REST says running, and again until the engine answers. */
  readyDeadlineMs: number;
  pollMs: number;
  /** After HardStop, how long vfkit gets to exit before it is killed. */
  hardStopGraceMs: number;
}

export const VFKIT_TIMING: VfkitTiming = { readyDeadlineMs: 300_000, pollMs: 200, hardStopGraceMs: 5_000 };

export interface VfkitBackendDeps {
  binary: string;
  /** The disks, sockets and folders of this boot (prepared by the provider, as for QEMU). */
  inputs(): Promise<VfkitInputs>;
  spawn: Spawner;
  rest: VfkitRest;
  /** Resolves when the guest engine answers through `access`; rejects otherwise. */
  ping(access: EngineAccess): Promise<void>;
  note(line: string): void;
  timing?: Partial<VfkitTiming>;
}

export const VFKIT_TRAITS: BackendTraits = {
  kind: 'vfkit',
  shares: {
    mechanism: 'virtiofs',
    guestPath: (hostPath) => hostPath,
    how: 'one virtio-fs device per shared folder (tag berth<N>), mounted by the guest at the same path',
  },
  portForwards: {
    mode: 'relay',
    how:
      "vfkit's NAT network forwards no ports (Podman adds gvproxy for it): Berth listens on 127.0.0.1 and ::1 and " +
      'carries each connection to the guest port over the SSH connection (direct-tcpip), which runs over vsock',
  },
  memoryGiveBack: {
    mechanism: 'balloon',
    how:
      "a virtio balloon (Virtualization.framework's traditional balloon, no free page reporting): memory returns " +
      "only when the host lowers the balloon's target, which vfkit's REST API does not offer (checked at b2bc27e5)",
  },
  saveResume: {
    supported: false,
    reason:
      "vfkit's REST API changes state only to Stop, HardStop, Pause or Resume (pkg/rest/define/config.go at " +
      "b2bc27e5): it does not expose Virtualization.framework's saveMachineStateTo/restoreMachineStateFrom (macOS " +
      '14+), and a paused VM stays in memory and ends with vfkit',
  },
};

export class VfkitBackend implements VmBackend {
  readonly traits = VFKIT_TRAITS;
  private readonly machine = new BackendStateMachine('vfkit');
  private readonly timing: VfkitTiming;
  private child: BackendChild | null = null;

  constructor(private readonly deps: VfkitBackendDeps) {
    this.timing = { ...VFKIT_TIMING, ...deps.timing };
  }

  state(): BackendState {
    return this.machine.state;
  }

  failure(): string | null {
    return this.machine.failure;
  }

  onState(listener: StateListener): () => void {
    return this.machine.onState(listener);
  }

  async start(): Promise<EngineAccess> {
    this.machine.to('starting');
    try {
      const inputs = await this.deps.inputs();
      const child = this.deps.spawn(this.deps.binary, vfkitArgs(inputs));
      this.child = child;
      void child.exited.then(() => this.exitedOnItsOwn(child));
      this.deps.note(`[vm] vfkit started (pid ${child.pid}, ${inputs.cpus} CPUs, ${inputs.memoryMiB} MiB)`);
      const gone = () => this.gone(child);
      await this.untilRunning(gone);
      const access: EngineAccess = {
        kind: 'unix',
        engineSocket: inputs.engineSocket,
        sshSocket: inputs.sshSocket,
        user: 'root',
      };
      let last: Error | null = null;
      await pollUntil(
        'the engine to answer',
        () =>
          this.deps.ping(access).then(
            () => true,
            (error: Error) => void (last = error),
          ),
        { deadlineMs: this.timing.readyDeadlineMs, intervalMs: this.timing.pollMs, gone },
      ).catch((error: Error) => {
        throw last ? new Error(`${error.message}; last answer: ${(last as Error).message}`) : error;
      });
      this.machine.to('running');
      return access;
    } catch (error) {
      // A stop that came while starting owns the process and the state from here.
      if (this.machine.is('stopping', 'stopped')) throw error;
      await this.killChild();
      this.machine.to('failed', `vfkit could not start the VM: ${(error as Error).message}`);
      throw error;
    }
  }

  /**
   * REST "Stop" is Virtualization.framework's requestStop, a power button press the guest's init may act on or
   * ignore; berth-init powers off on the ACPI button through acpid, which is assumed (not checked: no Mac here) to
   * see VZ's request on x86_64 and arm64 alike. A guest that ignores it is forced with HardStop at the deadline.
   */
  async stop(deadlineMs: number): Promise<StopOutcome> {
    const child = this.child;
    if (this.machine.is('stopped', 'failed') || !child || child.exit()) {
      if (this.machine.is('failed')) this.machine.to('stopped');
      return 'graceful';
    }
    this.machine.to('stopping');
    let outcome: StopOutcome = 'graceful';
    try {
      await this.deps.rest.change('Stop');
    } catch (error) {
      this.deps.note(`[vm] could not ask the guest to stop through vfkit (${(error as Error).message}): forcing it`);
      outcome = 'forced';
    }
    if (outcome === 'graceful' && !(await this.exitsWithin(child, deadlineMs))) {
      this.deps.note(`[vm] the guest did not stop within ${deadlineMs / 1000} s: forcing it (HardStop)`);
      outcome = 'forced';
    }
    if (outcome === 'forced') await this.hardStop(child);
    this.child = null;
    this.machine.to('stopped');
    return outcome;
  }

  save(): Promise<void> {
    return Promise.reject(unsupported(this.traits, 'save') ?? new Error('unreachable'));
  }

  resume(): Promise<EngineAccess> {
    return Promise.reject(unsupported(this.traits, 'resume') ?? new Error('unreachable'));
  }

  /** REST answers only once vfkit set the VM up; until then its socket refuses, which is not an error yet. */
  private async untilRunning(gone: () => string | null): Promise<void> {
    let last: Error | null = null;
    await pollUntil(
      'the VM to run',
      async () => {
        const answer = await this.deps.rest.state().catch((error: Error) => void (last = error));
        if (!answer) return undefined;
        if (answer.state === 'VirtualMachineStateError') throw new Error('vfkit reports the VM in its error state');
        return answer.state === 'VirtualMachineStateRunning' ? true : undefined;
      },
      { deadlineMs: this.timing.readyDeadlineMs, intervalMs: this.timing.pollMs, gone },
    ).catch((error: Error) => {
      throw last && !/error state/.test(error.message)
        ? new Error(`${error.message}; vfkit's REST API: ${(last as Error).message}`)
        : error;
    });
  }

  private async hardStop(child: BackendChild): Promise<void> {
    try {
      await this.deps.rest.change('HardStop');
    } catch (error) {
      this.deps.note(`[vm] vfkit did not take HardStop (${(error as Error).message})`);
    }
    if (await this.exitsWithin(child, this.timing.hardStopGraceMs)) return;
    this.deps.note(`[vm] vfkit did not exit ${this.timing.hardStopGraceMs / 1000} s after HardStop: killing it`);
    child.kill('SIGKILL');
    await child.exited;
  }

  private async exitsWithin(child: BackendChild, ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const exited = await Promise.race([child.exited.then(() => true), timeout]);
    clearTimeout(timer);
    return exited;
  }

  private gone(child: BackendChild): string | null {
    const exit = child.exit();
    if (!exit) return null;
    const said = child.output().toString('utf8').trim().split('\n').slice(-3).join(' | ');
    return `vfkit exited (${describeExit(exit)})${said ? `: ${said}` : ''}`;
  }

  private exitedOnItsOwn(child: BackendChild): void {
    if (this.child !== child || !this.machine.is('running')) return;
    this.child = null;
    this.machine.to('failed', `${this.gone(child) ?? 'vfkit exited'} while the VM was running`);
  }

  private async killChild(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exit()) return;
    child.kill('SIGKILL');
    await Promise.race([child.exited, sleep(this.timing.hardStopGraceMs)]);
  }
}
