// Images: one `GET /images/json` (top-level images only, as `docker images` shows), mapped to ImageSummary.
import type Dockerode from 'dockerode';
import type { ImageSummary } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { ImageDetail, ImageHistoryEntry, ImagePruneResult, ImageRemoveResult } from '../../shared/image-types';
import type { EngineConnection } from '../engine/engine-connection';

export function toImageSummary(image: Dockerode.ImageInfo): ImageSummary {
  return {
    id: image.Id,
    // Dangling images are listed with the placeholder `<none>:<none>`; the UI shows an empty list as "untagged".
    repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    sizeBytes: typeof image.Size === 'number' ? image.Size : 0,
    created: typeof image.Created === 'number' ? image.Created : 0,
    containers: typeof image.Containers === 'number' ? image.Containers : -1,
  };
}

export class ImagesService {
  constructor(private readonly connection: EngineConnection) {}

  async list(): Promise<ImageSummary[]> {
    const images = await this.connection.client().listImages();
    return images.map(toImageSummary).sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
  }

  // STUBS (issue 5, owned by the run helper).
  async inspect(id: string): Promise<ImageDetail> {
    void id;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async history(id: string): Promise<ImageHistoryEntry[]> {
    void id;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async remove(id: string, force: boolean): Promise<ImageRemoveResult> {
    void id;
    void force;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async prune(all: boolean): Promise<ImagePruneResult> {
    void all;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async tag(id: string, repository: string, tag: string | undefined): Promise<{ reference: string }> {
    void id;
    void repository;
    void tag;
    throw new BerthError('INTERNAL', 'not built yet');
  }
}
