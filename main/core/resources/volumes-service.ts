// Volumes: one `GET /volumes`, mapped to VolumeSummary and sorted by name.
import type Dockerode from 'dockerode';
import type { VolumeSummary } from '../../shared/engine-types';
import type { EngineLink } from '../connection/engine-link';

/** `CreatedAt` is sent by engines since API 1.29 but missing from dockerode's typings. */
type VolumeInfo = Dockerode.VolumeInspectInfo & { CreatedAt?: string };

export function toVolumeSummary(volume: VolumeInfo): VolumeSummary {
  return {
    name: volume.Name,
    driver: volume.Driver ?? '',
    mountpoint: volume.Mountpoint ?? '',
    createdAt: volume.CreatedAt || null,
    scope: volume.Scope ?? 'local',
  };
}

export class VolumesService {
  constructor(private readonly connection: EngineLink) {}

  async list(): Promise<VolumeSummary[]> {
    const answer = await this.connection.client().listVolumes();
    // The engine sends `Volumes: null` when there are none.
    return (answer.Volumes ?? []).map(toVolumeSummary).sort((a, b) => a.name.localeCompare(b.name));
  }
}
