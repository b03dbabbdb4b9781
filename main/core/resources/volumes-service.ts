// Volumes: the list (with the containers that mount each), inspect, create (only with a driver the engine
// has), remove (the refusal when in use said with the containers' names), prune, and the sizes the engine
// reports in its disk usage (`/system/df`; `?type=volume` keeps it cheap on Docker 23+, older engines
// ignore it and measure everything, which is why sizes are asked for apart from the list).
import type Dockerode from 'dockerode';
import type { VolumeSummary } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { VolumeDetail, VolumeItem, VolumePruneResult, VolumeSizes } from '../../shared/volume-types';
import type { EngineLink } from '../connection/engine-link';
import { inUseRefusal, usersByVolume } from './volume-users';

/** `CreatedAt` is sent by engines since API 1.29 but missing from dockerode's typings. */
type VolumeInfo = Dockerode.VolumeInspectInfo & { CreatedAt?: string; Status?: Record<string, unknown> | null };

export function toVolumeSummary(volume: VolumeInfo): VolumeSummary {
  return {
    name: volume.Name,
    driver: volume.Driver ?? '',
    mountpoint: volume.Mountpoint ?? '',
    createdAt: volume.CreatedAt || null,
    scope: volume.Scope ?? 'local',
  };
}

export interface VolumeCreateRequest {
  name?: string;
  driver?: string;
  labels?: { key: string; value: string }[];
}

interface DfVolume {
  Name?: string;
  UsageData?: { Size?: number } | null;
}

/** `GET /system/df?type=volume`: dockerode's `df()` sends no query, so the request is dialled here. */
function volumeDiskUsage(docker: Dockerode): Promise<{ Volumes?: DfVolume[] | null }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/system/df?',
        method: 'GET',
        options: { type: 'volume' },
        statusCodes: { 200: true, 500: 'server error' },
      },
      (error, data) => (error ? reject(error) : resolve((data ?? {}) as { Volumes?: DfVolume[] | null })),
    );
  });
}

export class VolumesService {
  constructor(private readonly connection: EngineLink) {}

  async list(): Promise<VolumeItem[]> {
    const docker = this.connection.client();
    const [answer, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
    const users = usersByVolume(containers);
    // The engine sends `Volumes: null` when there are none.
    return (answer.Volumes ?? [])
      .map((volume) => ({
        ...toVolumeSummary(volume),
        labels: volume.Labels ?? {},
        usedBy: users.get(volume.Name) ?? [],
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async inspect(name: string): Promise<VolumeDetail> {
    const docker = this.connection.client();
    const [info, containers] = await Promise.all([
      docker.getVolume(name).inspect() as Promise<VolumeInfo>,
      docker.listContainers({ all: true }),
    ]);
    return {
      ...toVolumeSummary(info),
      labels: info.Labels ?? {},
      usedBy: usersByVolume(containers).get(info.Name) ?? [],
      options: (info.Options as Record<string, string> | null) ?? {},
      status: info.Status ?? {},
    };
  }

  async create(request: VolumeCreateRequest): Promise<VolumeItem> {
    const docker = this.connection.client();
    const driver = request.driver ?? 'local';
    // Asking the engine for a driver it lacks makes it search for a plugin for many seconds; the list it
    // reports says so at once, and names what it has.
    const info = (await docker.info()) as { Plugins?: { Volume?: string[] | null } };
    const drivers = info.Plugins?.Volume ?? [];
    if (drivers.length > 0 && !drivers.includes(driver))
      throw new BerthError(
        'NOT_FOUND',
        `The engine has no volume driver "${driver}"; it has ${drivers.join(', ')}. Install the driver's plugin first, or choose one of those.`,
      );
    if (request.name) {
      // The engine answers a create for an existing name with that volume, which would look like success.
      const existing = await docker
        .getVolume(request.name)
        .inspect()
        .catch(() => null);
      if (existing) throw new BerthError('CONFLICT', `A volume named ${request.name} already exists.`);
    }
    const volume = await docker.createVolume({
      ...(request.name ? { Name: request.name } : {}),
      Driver: driver,
      Labels: Object.fromEntries((request.labels ?? []).map((label) => [label.key, label.value])),
    });
    // dockerode answers with a handle, not the engine's description.
    const created = (await volume.inspect()) as VolumeInfo;
    return { ...toVolumeSummary(created), labels: created.Labels ?? {}, usedBy: [] };
  }

  async remove(name: string, force: boolean): Promise<{ name: string }> {
    const docker = this.connection.client();
    try {
      await docker.getVolume(name).remove({ force });
    } catch (error) {
      if ((error as { statusCode?: number } | null)?.statusCode !== 409) throw error;
      const users = usersByVolume(await docker.listContainers({ all: true })).get(name) ?? [];
      throw inUseRefusal(name, error, users);
    }
    return { name };
  }

  async prune(): Promise<VolumePruneResult> {
    const result = (await this.connection.client().pruneVolumes()) as {
      VolumesDeleted?: string[] | null;
      SpaceReclaimed?: number;
    };
    return {
      deleted: result.VolumesDeleted ?? [],
      spaceReclaimedBytes: typeof result.SpaceReclaimed === 'number' ? result.SpaceReclaimed : 0,
    };
  }

  async sizes(): Promise<VolumeSizes> {
    const df = await volumeDiskUsage(this.connection.client());
    const sizes: Record<string, number> = {};
    for (const volume of df.Volumes ?? []) {
      const size = volume.UsageData?.Size;
      // -1: the engine did not measure it (a driver other than local, or not computed).
      if (volume.Name && typeof size === 'number' && size >= 0) sizes[volume.Name] = size;
    }
    return { sizes };
  }
}
