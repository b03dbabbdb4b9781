// QEMU as a backend: the interface of vm-backend.ts over the classes the provider uses today, unchanged. Start is
// VmBoot.run (disks, key, accelerator, QEMU, console phases, host key pinned, engine answering over SSH); stop is
// QemuProcess.powerDown (QMP system_powerdown, SIGKILL after the deadline). What reaches the guest (the SSH
// tunnel, host socket, port forwards, shares' daemons) stays the provider's, which releases it before a stop as
// it does now. Save/resume are the provider's QMP migration to a file (vm-suspend-stop.ts on stop, vm-resume.ts in
// VmBoot.run on start); this adapter does not drive them itself yet, and says so.
import { guestPathOf } from '../shared-folders';
import { GUEST_USER, VmBoot, type BootDeps, type BootedVm } from '../vm-boot';
import { BackendStateMachine, type BackendState } from './backend-state';
import {
  unsupported,
  type BackendTraits,
  type EngineAccess,
  type StateListener,
  type StopOutcome,
  type VmBackend,
} from './vm-backend';

export const QEMU_TRAITS: BackendTraits = {
  kind: 'qemu',
  shares: {
    mechanism: 'virtiofs-or-9p',
    guestPath: guestPathOf,
    how:
      'virtiofs (one virtiofsd per folder, the guest RAM shared) where its daemon runs, else virtio-9p; mounted over ' +
      'SSH after each boot at the same path (share-session.ts)',
  },
  portForwards: {
    mode: 'qmp-hostfwd',
    how:
      "hostfwd_add/hostfwd_remove on QEMU's user network over QMP, a relay for ::1, and SSH direct-tcpip for ports " +
      "on the guest's loopback (vm-ports.ts)",
  },
  memoryGiveBack: {
    mechanism: 'balloon-free-page-reporting',
    how: 'virtio-balloon with free page reporting: pages the guest frees leave QEMU at once',
  },
  saveResume: {
    supported: false,
    reason:
      "not through this adapter yet: the provider's QEMU path saves on stop and resumes on start (QMP migration to " +
      'a compressed file, vm-suspend-stop.ts and vm-resume.ts); this adapter does not delegate to it yet',
  },
};

export interface QemuBackendDeps {
  /** One boot to the engine answering: VmBoot.run with the provider's deps (qemuBackendFrom). */
  boot(): Promise<BootedVm>;
  note(line: string): void;
}

export class QemuBackend implements VmBackend {
  readonly traits = QEMU_TRAITS;
  private readonly machine = new BackendStateMachine('qemu');
  private current: BootedVm | null = null;
  private starting: Promise<EngineAccess> | null = null;

  constructor(private readonly deps: QemuBackendDeps) {}

  /** The booted VM while it runs: the provider still needs its tunnel, QEMU's pid and the accelerator. */
  booted(): BootedVm | null {
    return this.current;
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

  start(): Promise<EngineAccess> {
    this.starting = this.boot().finally(() => (this.starting = null));
    return this.starting;
  }

  private async boot(): Promise<EngineAccess> {
    this.machine.to('starting');
    let booted: BootedVm;
    try {
      booted = await this.deps.boot();
    } catch (error) {
      this.machine.to('failed', (error as Error).message);
      throw error;
    }
    this.current = booted;
    void booted.qemu.exited.then((exit) => {
      if (this.current !== booted || !this.machine.is('running')) return;
      this.current = null;
      this.machine.to(
        'failed',
        `QEMU exited unexpectedly (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`,
      );
    });
    this.machine.to('running');
    // The host key is already pinned in the VM's own known_hosts by VmBoot (from the console), so none is returned.
    return { kind: 'ssh', host: '127.0.0.1', port: booted.sshPort, user: GUEST_USER };
  }

  /** The power button through QMP; QEMU is killed once the deadline passes (QemuProcess.powerDown). */
  async stop(deadlineMs: number): Promise<StopOutcome> {
    // A boot cannot be cut short (VmBoot kills its own QEMU on failure): a stop waits for it, as the provider does.
    await this.starting?.catch(() => undefined);
    const booted = this.current;
    if (!booted || !booted.qemu.running) {
      this.current = null;
      if (this.machine.is('running')) this.machine.to('stopping');
      if (!this.machine.is('stopped')) this.machine.to('stopped');
      return 'graceful';
    }
    this.machine.to('stopping');
    const exit = await booted.qemu.powerDown(deadlineMs, this.deps.note);
    this.current = null;
    this.machine.to('stopped');
    // A guest that powered off exits QEMU by itself; a signal means powerDown had to end it (SIGTERM or SIGKILL).
    return exit.signal ? 'forced' : 'graceful';
  }

  save(): Promise<void> {
    return Promise.reject(unsupported(this.traits, 'save') ?? new Error('unreachable'));
  }

  resume(): Promise<EngineAccess> {
    return Promise.reject(unsupported(this.traits, 'resume') ?? new Error('unreachable'));
  }
}

/** The backend the provider would build: VmBoot with the provider's own BootDeps, as boot() does today. */
export function qemuBackendFrom(deps: BootDeps): QemuBackend {
  return new QemuBackend({ boot: () => new VmBoot(deps).run(), note: deps.note });
}
