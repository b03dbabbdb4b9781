// A running VM's published ports on this computer: a PortForwarder per boot, resynced on the guest engine's
// container events (start, die, pause, …) and after every (re)connection of Berth to it, each port through
// QEMU's user network or, for a port on the guest's loopback, the VM's SSH connection.
import type Dockerode from 'dockerode';
import type { Client } from 'ssh2';
import type { PortForwardView } from '../../../shared/engine-manager-types';
import type { EngineLink } from '../../connection/engine-link';
import { PortForwarder } from './port-forwarder';
import { openQemuForward } from './qemu-port-forward';
import { openSshForward } from './ssh-port-forward';

/** Container events after which the published ports may differ (create and rename change nothing that listens). */
const PORT_ACTIONS = new Set(['start', 'restart', 'die', 'stop', 'kill', 'destroy', 'pause', 'unpause', 'oom']);

export interface VmPortsOptions {
  publishAll(): Promise<boolean>;
  note(line: string): void;
  changed(): void;
}

export interface BootedPorts {
  qmpSocket: string;
  sshClient(): Promise<Client>;
  engine: Dockerode;
}

export class VmPorts {
  private forwarder: PortForwarder | null = null;

  constructor(private readonly options: VmPortsOptions) {}

  /** Follows the engine connection of this VM; returns the stop. */
  watch(link: Pick<EngineLink, 'onEngineEvent' | 'onConnected'>): () => void {
    const stops = [
      link.onEngineEvent((event) => {
        if (event.Type === 'container' && PORT_ACTIONS.has(event.Action)) this.resync();
      }),
      link.onConnected(() => this.resync()),
    ];
    return () => {
      for (const stop of stops.splice(0)) stop();
    };
  }

  start(booted: BootedPorts): void {
    const { note } = this.options;
    this.forwarder = new PortForwarder({
      list: () => booted.engine.listContainers({ all: false }),
      publishAll: this.options.publishAll,
      open: (forward) =>
        forward.via === 'ssh'
          ? openSshForward(booted.sshClient, forward, note)
          : openQemuForward(booted.qmpSocket, forward, note),
      note,
      changed: this.options.changed,
    });
    this.resync();
  }

  async stop(): Promise<void> {
    const forwarder = this.forwarder;
    this.forwarder = null;
    await forwarder?.dispose();
    this.options.changed();
  }

  resync(): void {
    // The forwarder notes a failed resync in the VM's log itself; the next event or reconnection tries again.
    this.forwarder?.resync().catch(() => undefined);
  }

  /** Resolves when the ports match the engine as of now (tests). */
  async settled(): Promise<void> {
    await this.forwarder?.resync();
  }

  views(): PortForwardView[] {
    return this.forwarder?.views() ?? [];
  }

  problemOf(containerId: string, protocol: string, hostPort: number): string | undefined {
    return this.forwarder?.problemOf(containerId, protocol, hostPort);
  }
}
