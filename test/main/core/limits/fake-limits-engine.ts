// Test helper: a scripted engine for LimitsService unit tests. Updates are stored into HostConfig as Docker
// does, every update call is recorded, and a refusal can be scripted.
import type { EngineConnection, EngineEvent } from '../../../../main/core/connection/engine-connection';
import type { EngineStatus } from '../../../../main/shared/engine-types';

const MiB = 1024 ** 2;

interface FakeContainer {
  Id: string;
  Name: string;
  State: { Running: boolean; Pid: number };
  HostConfig: Record<string, unknown>;
}

/** An engine that stores updates into HostConfig (as Docker does) and records every call. */
export class FakeEngine {
  readonly containers = new Map<string, FakeContainer>();
  readonly updates: Array<{ id: string; payload: Record<string, unknown> }> = [];
  /** Requests to libpod's update route (Podman): recorded, and like Podman 4.3 not stored into HostConfig. */
  readonly libpodUpdates: Array<{ path: string; body: unknown }> = [];
  refuseWith: Error | null = null;
  memoryUsage = 0;
  private readonly listeners = new Set<(event: EngineEvent) => void>();

  add(name: string, hostConfig: Record<string, unknown> = {}): string {
    const id = `${name}`.padEnd(64, '0');
    this.containers.set(id, {
      Id: id,
      Name: `/${name}`,
      State: { Running: true, Pid: 999_999 },
      HostConfig: { ...hostConfig },
    });
    return id;
  }

  private find(ref: string): FakeContainer {
    const found =
      this.containers.get(ref) ??
      [...this.containers.values()].find((c) => c.Id.startsWith(ref) || c.Name === `/${ref}`);
    if (!found)
      throw Object.assign(new Error(`No such container: ${ref}`), {
        statusCode: 404,
        json: { message: `No such container: ${ref}` },
      });
    return found;
  }

  readonly connection = {
    // A TCP engine: its pids are not this host's, so no cgroup files are read.
    status: {
      state: 'connected',
      endpoint: { host: 'tcp://engine:2375', source: 'DOCKER_HOST' },
      info: { product: 'docker' },
      since: 0,
    } as EngineStatus,
    client: () => ({
      modem: {
        dial: (request: { path: string; options?: unknown }, callback: (error: unknown, data?: unknown) => void) => {
          this.libpodUpdates.push({ path: request.path, body: request.options });
          callback(this.refuseWith, '');
        },
      },
      info: async () => ({ NCPU: 2, MemTotal: 8192 * MiB, SwapLimit: true, CgroupVersion: '1' }),
      getContainer: (ref: string) => ({
        inspect: async () => structuredClone(this.find(ref)),
        update: async (payload: Record<string, unknown>) => {
          const container = this.find(ref);
          this.updates.push({ id: container.Id, payload });
          if (this.refuseWith) throw this.refuseWith;
          Object.assign(container.HostConfig, payload);
          return { Warnings: null };
        },
        stats: async () => ({ memory_stats: { usage: this.memoryUsage, stats: { total_inactive_file: 0 } } }),
      }),
    }),
    onEngineEvent: (listener: (event: EngineEvent) => void) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** What LimitsService takes as its connection. */
  get asConnection(): Pick<EngineConnection, 'client' | 'status' | 'onEngineEvent'> {
    return this.connection as unknown as Pick<EngineConnection, 'client' | 'status' | 'onEngineEvent'>;
  }
}
