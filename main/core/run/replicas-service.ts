// Owns replica groups: containers one run made from one spec (`<base>-1..N`, labelled with the group, their
// index and the spec). Lists them grouped, and scales a group: up creates the indices after the highest from
// the stored spec, down stops and removes the highest indices; 0 removes the whole group.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { replicaLabels } from '../../shared/run-spec';
import type { ReplicaGroup, RunSpec } from '../../shared/run-types';
import { containerName, toContainerState, toPortBindings } from '../containers/container-summary';
import type { EngineLink } from '../connection/engine-link';
import { toErrorInfo } from '../connection/engine-errors';
import { KeyedQueue } from '../keyed-queue';
import type { Logger } from '../logger';
import type { RunService } from './run-service';

export interface ReplicasServiceOptions {
  connection: Pick<EngineLink, 'client'>;
  run: Pick<RunService, 'addReplicas'>;
  log: Logger;
}

type Replica = ReplicaGroup['replicas'][number] & { labels: Record<string, string>; image: string };

function toReplica(info: Dockerode.ContainerInfo): Replica | null {
  const labels = info.Labels ?? {};
  const index = Number(labels[replicaLabels.index]);
  if (!labels[replicaLabels.group] || !Number.isInteger(index) || index < 1) return null;
  return {
    id: info.Id,
    name: containerName(info.Names, info.Id),
    index,
    state: toContainerState(info.State),
    ports: toPortBindings(info.Ports),
    labels,
    image: info.Image ?? '',
  };
}

/** The spec a replica carries; null when the label is missing or not a spec (edited by hand, another tool). */
export function storedSpec(labels: Record<string, string>): RunSpec | null {
  const text = labels[replicaLabels.spec];
  if (!text) return null;
  try {
    const spec = JSON.parse(text) as RunSpec;
    return typeof spec?.image === 'string' && Array.isArray(spec.ports) && Array.isArray(spec.labels) ? spec : null;
  } catch {
    // Unreadable JSON counts as "no stored spec": the caller's error says what to do then.
    return null;
  }
}

export function groupReplicas(
  containers: readonly Dockerode.ContainerInfo[],
): Array<ReplicaGroup & { members: Replica[] }> {
  const groups = new Map<string, Replica[]>();
  for (const info of containers) {
    const replica = toReplica(info);
    if (!replica) continue;
    const group = replica.labels[replicaLabels.group]!;
    groups.set(group, [...(groups.get(group) ?? []), replica]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, members]) => {
      members.sort((a, b) => a.index - b.index);
      const image = storedSpec(members[0]!.labels)?.image ?? members[0]!.image;
      const replicas = members.map(({ id, name: replicaName, index, state, ports }) => ({
        id,
        name: replicaName,
        index,
        state,
        ports,
      }));
      return { name, image, replicas, members };
    });
}

export class ReplicasService {
  /** One scale at a time per group: two concurrent scales would pick the same new indices. */
  private readonly queue = new KeyedQueue();

  constructor(private readonly options: ReplicasServiceOptions) {}

  async list(): Promise<ReplicaGroup[]> {
    return (await this.groups()).map(({ name, image, replicas }) => ({ name, image, replicas }));
  }

  scale(name: string, replicas: number): Promise<ReplicaGroup> {
    return this.queue.run(name, () => this.scaleNow(name, replicas));
  }

  private async scaleNow(name: string, target: number): Promise<ReplicaGroup> {
    const group = (await this.groups()).find((candidate) => candidate.name === name);
    if (!group)
      throw new BerthError(
        'NOT_FOUND',
        `No replica group named ${name}. Run an image with several replicas to make one.`,
      );
    const { members } = group;
    if (target > members.length) {
      const highest = members[members.length - 1]!;
      const spec = storedSpec(highest.labels);
      if (!spec) {
        throw new BerthError(
          'CONFLICT',
          `${highest.name} carries no readable run settings (label ${replicaLabels.spec}), so Berth cannot add replicas like it. Run the image again.`,
        );
      }
      const indices = Array.from({ length: target - members.length }, (_, i) => highest.index + 1 + i);
      await this.options.run.addReplicas(spec, name, indices);
    } else if (target < members.length) {
      await this.removeReplicas(members.slice(target));
    }
    const after = (await this.groups()).find((candidate) => candidate.name === name);
    return after ? { name, image: after.image, replicas: after.replicas } : { name, image: group.image, replicas: [] };
  }

  /** Stops each (its own stop timeout: a graceful end) then removes it; all are tried, the first failure is reported. */
  private async removeReplicas(members: Replica[]): Promise<void> {
    const docker = this.options.connection.client();
    const failures: string[] = [];
    await Promise.all(
      members.map(async (member) => {
        const container = docker.getContainer(member.id);
        try {
          if (member.state === 'running' || member.state === 'restarting' || member.state === 'paused')
            await container.stop().catch(ignoreNotModified);
          await container.remove({ force: true });
        } catch (error) {
          failures.push(`${member.name}: ${toErrorInfo(error).message}`);
        }
      }),
    );
    if (failures.length > 0) {
      this.options.log.warn(`[replicas] scaling down left containers behind: ${failures.join('; ')}`);
      throw new BerthError('ENGINE_ERROR', `Could not remove ${failures.join('; ')}`);
    }
  }

  private async groups() {
    const docker = this.options.connection.client();
    return groupReplicas(await docker.listContainers({ all: true, filters: { label: [replicaLabels.group] } }));
  }
}

/** 304: it had stopped by itself meanwhile; the removal still follows. */
function ignoreNotModified(error: unknown): void {
  if ((error as { statusCode?: number } | null)?.statusCode !== 304) throw error;
}
