// Owns `containers:bulk`: one action on many containers (chosen rows, or every container of a compose project),
// a few at a time, each with its own result. One failure never hides the others: every container is tried.
import type { BulkRequest, BulkResult, BulkResultEntry } from '../../shared/container-action-types';
import { BerthError } from '../../shared/errors';
import { toErrorInfo } from '../connection/engine-errors';
import type { EngineLink } from '../connection/engine-link';
import type { Logger } from '../logger';
import type { ContainerLifecycle } from './container-lifecycle';

/** Enough to overlap the engine's waits (a stop's timeout) without flooding it. */
const concurrency = 4;
export const composeProjectLabel = 'com.docker.compose.project';

interface Target {
  ref: string;
  id: string;
  name: string;
}

export class BulkActions {
  constructor(
    private readonly connection: Pick<EngineLink, 'client'>,
    private readonly lifecycle: ContainerLifecycle,
    private readonly log: Logger,
  ) {}

  async run(request: BulkRequest): Promise<BulkResult> {
    const targets =
      request.project !== undefined ? await this.projectTargets(request.project) : await this.named(request.ids ?? []);
    const results = await mapLimited(targets, concurrency, (target) => this.one(request, target));
    const failed = results.filter((entry) => !entry.ok).length;
    this.log.info(
      `[containers] bulk ${request.action} of ${results.length}: ${results.length - failed} done, ${failed} failed`,
    );
    return { results };
  }

  private async one(request: BulkRequest, target: Target): Promise<BulkResultEntry> {
    const id = target.id;
    try {
      await this.act(request, id);
      return { id, name: target.name, ok: true, error: null };
    } catch (error) {
      return { id, name: target.name, ok: false, error: toErrorInfo(error) };
    }
  }

  private act(request: BulkRequest, id: string): Promise<unknown> {
    const lifecycle = this.lifecycle;
    switch (request.action) {
      case 'start':
        return lifecycle.start(id);
      case 'stop':
        return lifecycle.stop(id, request.timeoutSeconds);
      case 'restart':
        return lifecycle.restart(id, request.timeoutSeconds);
      case 'pause':
        return lifecycle.pause(id);
      case 'unpause':
        return lifecycle.unpause(id);
      case 'kill':
        return lifecycle.kill(id, request.signal);
      case 'remove':
        return lifecycle.remove(id, { force: request.force, volumes: request.removeVolumes });
    }
  }

  /** Ids and names for the results; a container already gone keeps the reference it was asked by. */
  private async named(refs: string[]): Promise<Target[]> {
    const listed = await this.connection.client().listContainers({ all: true });
    const unique = [...new Set(refs)];
    return unique.map((ref) => {
      const info = listed.find(
        (each) => each.Id === ref || (ref.length >= 4 && each.Id.startsWith(ref)) || each.Names.includes(`/${ref}`),
      );
      return info ? { ref, id: info.Id, name: info.Names[0]?.replace(/^\//, '') ?? ref } : { ref, id: ref, name: ref };
    });
  }

  private async projectTargets(project: string): Promise<Target[]> {
    const listed = await this.connection
      .client()
      .listContainers({ all: true, filters: { label: [`${composeProjectLabel}=${project}`] } });
    if (listed.length === 0)
      throw new BerthError('NOT_FOUND', `No container belongs to the compose project ${project} (any more).`);
    return listed
      .map((info) => ({ ref: info.Id, id: info.Id, name: info.Names[0]?.replace(/^\//, '') ?? info.Id }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** `work` over `items`, at most `limit` at once, results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
