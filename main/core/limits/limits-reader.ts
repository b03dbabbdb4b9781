// Owns reading everything limits work needs about one container in one go: the engine's facts (`/info`), one
// inspect, the kernel's cgroup values when the engine is local, and from those the enforced limits and what
// the container may change.
import type Dockerode from 'dockerode';
import type { ContainerLimits, LimitsCapabilities } from '../../shared/limits-types';
import type { EngineLink } from '../connection/engine-link';
import { enforcedLimits } from './enforced-limits';
import { readKernelLimits, type KernelPaths, type KernelReading } from './kernel-limits';
import {
  liveCapabilities,
  toEngineLimitsFacts,
  type EngineLimitsFacts,
  type LimitsRawInfo,
} from './limits-capabilities';
import { toSnapshot, type ContainerSnapshot } from './limits-from-inspect';

export interface ContainerLimitsState {
  snapshot: ContainerSnapshot;
  /** What is enforced now (kernel values where readable, else HostConfig). */
  limits: ContainerLimits;
  /** Null when the engine is remote or the container is not running. */
  kernel: KernelReading | null;
  capabilities: LimitsCapabilities;
}

export type LimitsConnection = Pick<EngineLink, 'client' | 'status' | 'onEngineEvent'>;

export class LimitsReader {
  constructor(
    private readonly connection: LimitsConnection,
    private readonly paths: KernelPaths,
  ) {}

  /** One `/info` per operation: cheap, and it keeps CPUs, memory and swap support current. */
  async engineFacts(docker: Dockerode): Promise<EngineLimitsFacts> {
    const status = this.connection.status;
    const connected = status.state === 'connected';
    return toEngineLimitsFacts(
      (await docker.info()) as LimitsRawInfo,
      connected ? status.info.product : 'docker',
      connected ? status.info.version : '',
    );
  }

  /** Raw engine errors (404 for an unknown container) pass through: the router maps them. */
  async read(docker: Dockerode, ref: string, engine: EngineLimitsFacts): Promise<ContainerLimitsState> {
    const snapshot = toSnapshot(await docker.getContainer(ref).inspect(), engine.cpus, engine.swapLimitSupported);
    const kernel =
      snapshot.running && this.isLocal()
        ? readKernelLimits(snapshot, engine.cgroupVersion, engine.cpus, this.paths)
        : null;
    return {
      snapshot,
      limits: enforcedLimits(snapshot.configured, kernel?.limits ?? null),
      kernel,
      capabilities: liveCapabilities(engine, snapshot),
    };
  }

  /** Only a local engine's pids and cgroups are this host's (a VM behind a socket is caught by the id check). */
  private isLocal(): boolean {
    const status = this.connection.status;
    return status.state === 'connected' && status.endpoint.host.startsWith('unix://');
  }
}
