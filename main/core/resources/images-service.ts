// Images: the list (with "in use by N containers" counted here, since Docker 20.10 reports -1), inspect,
// layer history, remove, prune and tag, and turning the engine's image events into `images:changed` hub
// events (plus a resync after every reconnection) so the UI refetches when needed.
import type Dockerode from 'dockerode';
import type {
  ImageSummary,
  ImageDetail,
  ImageHistoryEntry,
  ImagePruneResult,
  ImageRemoveResult,
} from '../../shared/image-types';
import { BerthError } from '../../shared/errors';
import { parseReference } from '../../shared/image-reference';
import { containerName } from '../containers/container-summary';
import { forwardChanges, type Change } from '../connection/changed-events';
import type { EngineEvent } from '../connection/engine-connection';
import type { EngineLink } from '../connection/engine-link';
import { engineMessage } from '../connection/engine-errors';
import type { EventHub } from '../ipc/event-hub';
import { consoleLogger, type Logger } from '../logger';

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

/** Containers per image id, from one container list (the engine's own count is -1 unless asked expensively). */
export function countByImage(containers: readonly Pick<Dockerode.ContainerInfo, 'ImageID'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const container of containers)
    if (container.ImageID) counts.set(container.ImageID, (counts.get(container.ImageID) ?? 0) + 1);
  return counts;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const placeholder = (tag: string) => tag === '<none>:<none>' || tag === '<none>@<none>';

export function toImageDetail(
  info: Dockerode.ImageInspectInfo,
  containers: readonly Dockerode.ContainerInfo[],
): ImageDetail {
  const config = info.Config ?? ({} as Partial<Dockerode.ImageInspectInfo['Config']>);
  const entrypoint = config.Entrypoint;
  return {
    id: info.Id,
    repoTags: strings(info.RepoTags).filter((tag) => !placeholder(tag)),
    repoDigests: strings(info.RepoDigests).filter((digest) => !placeholder(digest)),
    created: info.Created ?? '',
    sizeBytes: typeof info.Size === 'number' ? info.Size : 0,
    architecture: info.Architecture ?? '',
    os: info.Os ?? '',
    author: info.Author ?? '',
    config: {
      cmd: Array.isArray(config.Cmd) ? config.Cmd : null,
      entrypoint: typeof entrypoint === 'string' ? [entrypoint] : Array.isArray(entrypoint) ? entrypoint : null,
      env: strings(config.Env),
      exposedPorts: Object.keys(config.ExposedPorts ?? {}),
      workingDir: config.WorkingDir ?? '',
      user: config.User ?? '',
      labels: config.Labels ?? {},
      volumes: Object.keys(config.Volumes ?? {}),
    },
    layers: strings(info.RootFS?.Layers),
    containers: containers
      .filter((container) => container.ImageID === info.Id)
      .map((container) => ({
        id: container.Id,
        name: containerName(container.Names, container.Id),
        state: container.State ?? '',
      })),
  };
}

interface RawHistory {
  Id?: string;
  Created?: number;
  CreatedBy?: string;
  Size?: number;
  Comment?: string;
  Tags?: string[] | null;
}

export function toHistoryEntry(raw: RawHistory): ImageHistoryEntry {
  return {
    id: raw.Id ?? '<missing>',
    created: typeof raw.Created === 'number' ? raw.Created : 0,
    createdBy: raw.CreatedBy ?? '',
    sizeBytes: typeof raw.Size === 'number' ? raw.Size : 0,
    comment: raw.Comment ?? '',
    tags: strings(raw.Tags),
  };
}

type RemovedItem = { Untagged?: string; Deleted?: string };

function splitRemoved(items: readonly RemovedItem[] | null | undefined): ImageRemoveResult {
  const list = items ?? [];
  return {
    untagged: list.flatMap((item) => (item.Untagged ? [item.Untagged] : [])),
    deleted: list.flatMap((item) => (item.Deleted ? [item.Deleted] : [])),
  };
}

/** The engine's refusal to remove an image in use, with what the user can do about it. */
function removeConflict(error: unknown, force: boolean): BerthError {
  const message = engineMessage(error);
  const next = /cannot be forced|running container/i.test(message)
    ? 'Stop and remove the running containers that use it first.'
    : force
      ? 'Remove the containers that use it first.'
      : 'Remove the containers that use it first, or remove it with force (its tags go; the layers stay until those containers are gone).';
  return new BerthError('CONFLICT', `The engine refused to remove the image: ${message}. ${next}`);
}

/** Container changes that alter an image's "in use" count. */
const usageActions = new Set(['create', 'destroy']);

function imageChange(event: EngineEvent): Change | null {
  if (event.Type === 'image') return { id: event.Actor.ID || null, action: event.Action.split(':', 1)[0]!.trim() };
  // The list shows how many containers use each image: a created or removed container changes that count.
  if (event.Type === 'container' && usageActions.has(event.Action))
    return { id: null, action: `container-${event.Action}` };
  return null;
}

export class ImagesService {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly connection: EngineLink,
    hub: Pick<EventHub, 'emit'>,
    private readonly log: Logger = consoleLogger,
  ) {
    this.unsubscribe = forwardChanges(connection, hub, 'images:changed', imageChange);
  }

  async list(): Promise<ImageSummary[]> {
    const docker = this.connection.client();
    const [images, containers] = await Promise.all([docker.listImages(), docker.listContainers({ all: true })]);
    const counts = countByImage(containers);
    return images
      .map((image) => ({ ...toImageSummary(image), containers: counts.get(image.Id) ?? 0 }))
      .sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
  }

  async inspect(id: string): Promise<ImageDetail> {
    const docker = this.connection.client();
    const [info, containers] = await Promise.all([docker.getImage(id).inspect(), docker.listContainers({ all: true })]);
    return toImageDetail(info, containers);
  }

  async history(id: string): Promise<ImageHistoryEntry[]> {
    const raw = (await this.connection.client().getImage(id).history()) as RawHistory[] | null;
    return (raw ?? []).map(toHistoryEntry);
  }

  async remove(id: string, force: boolean): Promise<ImageRemoveResult> {
    try {
      const removed = (await this.connection.client().getImage(id).remove({ force })) as RemovedItem[] | null;
      return splitRemoved(removed);
    } catch (error) {
      if ((error as { statusCode?: number } | null)?.statusCode === 409) throw removeConflict(error, force);
      throw error;
    }
  }

  /** all=false: dangling images only; all=true: every image no container uses (`docker image prune -a`). */
  async prune(all: boolean): Promise<ImagePruneResult> {
    const result = await this.connection.client().pruneImages({ filters: { dangling: [all ? 'false' : 'true'] } });
    return {
      deleted: splitRemoved(result.ImagesDeleted as RemovedItem[] | null).deleted,
      spaceReclaimedBytes: typeof result.SpaceReclaimed === 'number' ? result.SpaceReclaimed : 0,
    };
  }

  /** Checked with docker's own reference rules first, so a bad name gets a specific message. */
  async tag(id: string, repository: string, tag: string | undefined): Promise<{ reference: string }> {
    const wanted = `${repository.trim()}:${tag === undefined || tag === '' ? 'latest' : tag}`;
    const parsed = parseReference(wanted);
    if (!parsed.ok) throw new BerthError('INVALID_REFERENCE', `Cannot tag as ${wanted}: ${parsed.message}.`);
    if (parsed.value.digest !== null)
      throw new BerthError('INVALID_REFERENCE', `Cannot tag as ${wanted}: a tag cannot carry a digest.`);
    await this.connection
      .client()
      .getImage(id)
      .tag({ repo: wanted.slice(0, wanted.lastIndexOf(':')), tag: parsed.value.tag ?? 'latest' });
    this.log.info(`[images] tagged ${id.slice(0, 19)} as ${parsed.value.familiar}`);
    return { reference: parsed.value.familiar };
  }

  dispose(): void {
    this.unsubscribe();
  }
}
