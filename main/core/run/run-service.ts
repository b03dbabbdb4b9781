// Owns creating and starting containers from a RunSpec: limits checked first (nothing is created when they
// break a rule), the image pulled when missing, names generated, replicas numbered with their group labels,
// and all-or-nothing: when a create or start fails, whatever this call created is removed again.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { emptyRunSpec, exposedPortsOn, replicaSpec } from '../../shared/run-spec';
import type { RunResult, RunSpec } from '../../shared/run-types';
import { defaultPublishInterface, type BerthSettings } from '../../shared/settings-types';
import type { EngineLink } from '../connection/engine-link';
import { toErrorInfo } from '../connection/engine-errors';
import type { Logger } from '../logger';
import { generateName, takenNames } from './container-name';
import { createOptions } from './create-options';
import { ensureImage, type EnsuredImage, type ImagePuller } from './ensure-image';
import { portsFromInspect } from './inspect-ports';
import { engineCapabilities, runLimitsError } from './run-limits';
import { bindOutsideSharesError, type SharedFoldersOfActive } from './shared-folder-check';

export interface RunServiceOptions {
  connection: Pick<EngineLink, 'client' | 'status'>;
  transfers: ImagePuller;
  /** Berth's settings (the SettingsStore), for one-click runs: the default limit profile and publish interface. */
  settings: { get(): Promise<BerthSettings> };
  log: Logger;
  /** The active engine's shared folders when it is a VM (bind mounts must lie in them); null otherwise. */
  sharedFolders?: () => SharedFoldersOfActive | null;
}

/** A container to create: its full spec (name included). */
type Planned = RunSpec & { name: string };

export class RunService {
  constructor(private readonly options: RunServiceOptions) {}

  /**
   * Creates and starts `replicas` containers; for more than one they are `<base>-1..N`, one replica group.
   * `start: false` only creates them (the run dialog's "Create only").
   */
  async run(spec: RunSpec, replicas = 1, options: { start?: boolean } = {}): Promise<RunResult[]> {
    const docker = this.options.connection.client();
    return this.runPrepared(docker, spec, replicas, await this.prepare(docker, spec), options.start ?? true);
  }

  private async runPrepared(
    docker: Dockerode,
    spec: RunSpec,
    replicas: number,
    image: EnsuredImage,
    start = true,
  ): Promise<RunResult[]> {
    const taken = takenNames(await docker.listContainers({ all: true }));
    if (replicas <= 1) {
      const name = spec.name ?? generateName(spec.image, (candidate) => taken.has(candidate));
      return this.createAll(docker, [{ ...spec, name }], image, start);
    }
    const indices = Array.from({ length: replicas }, (_, i) => i + 1);
    const base =
      spec.name ??
      generateName(
        spec.image,
        (candidate) => taken.has(candidate) || indices.some((i) => taken.has(`${candidate}-${i}`)),
      );
    return this.createAll(
      docker,
      indices.map((i) => replicaSpec(spec, base, i) as Planned),
      image,
      start,
    );
  }

  /** Scaling up: replicas `indices` of group `base`, from the spec stored on the group (name = base). */
  async addReplicas(stored: RunSpec, base: string, indices: number[]): Promise<RunResult[]> {
    const docker = this.options.connection.client();
    const image = await this.prepare(docker, stored);
    return this.createAll(
      docker,
      indices.map((i) => replicaSpec(stored, base, i) as Planned),
      image,
    );
  }

  /**
   * One click: a generated name, every EXPOSEd port on a free host port of the interface Settings chose (this
   * computer only unless the user said otherwise), the default limits and restart policy.
   */
  async quickRun(image: string): Promise<RunResult> {
    const settings = await this.options.settings.get();
    // Settings edit the profile with the limits editor, which includes the restart policy: what the user chose
    // there applies; without a choice a one-click container is not restarted by the engine (`no`).
    const { restartPolicy, ...limits } = settings.defaultRunLimits;
    const empty = emptyRunSpec(image);
    const spec: RunSpec = { ...empty, limits, restartPolicy: restartPolicy ?? empty.restartPolicy };
    const docker = this.options.connection.client();
    const ensured = await this.prepare(docker, spec);
    // The ports are known once the image is here (it may just have been pulled), so they are listed only now.
    const exposed = Object.keys(ensured.inspect.Config?.ExposedPorts ?? {});
    const ports = exposedPortsOn(exposed, settings.publishInterface ?? defaultPublishInterface);
    const [result] = await this.runPrepared(docker, { ...spec, ports }, 1, ensured);
    if (!result) throw new BerthError('INTERNAL', `Running ${image} created no container.`);
    const warning = `${image} declares no ports (EXPOSE), so no port was published.`;
    return exposed.length === 0 ? { ...result, warnings: [...result.warnings, warning] } : result;
  }

  /** Refuses broken limits and unshared bind mounts before anything else, then makes sure the image is here. */
  private async prepare(docker: Dockerode, spec: RunSpec): Promise<EnsuredImage> {
    const unshared = bindOutsideSharesError(spec.mounts, this.options.sharedFolders?.() ?? null);
    if (unshared) throw unshared;
    const status = this.options.connection.status;
    const caps = await engineCapabilities(docker, status.state === 'connected' ? status.info.product : 'docker');
    const invalid = runLimitsError(spec.limits, spec.restartPolicy, caps);
    if (invalid) throw invalid;
    return ensureImage(docker, this.options.transfers, spec.image);
  }

  private async createAll(
    docker: Dockerode,
    planned: Planned[],
    image: EnsuredImage,
    start = true,
  ): Promise<RunResult[]> {
    const created: Dockerode.Container[] = [];
    let step = 'created';
    let current: Planned | undefined;
    try {
      for (current of planned) {
        step = 'created';
        const container = await docker.createContainer(createOptions(current, current.name));
        created.push(container);
        if (!start) continue;
        step = 'started';
        await container.start();
      }
    } catch (error) {
      const undone = await this.removeAll(created);
      const info = toErrorInfo(error);
      const which = planned.length > 1 ? `Replica ${current?.name}` : `The container ${current?.name}`;
      throw new BerthError(info.code, `${which} could not be ${step}: ${info.message}${undone}`);
    }
    const warnings = this.warnings(planned[0], image);
    return Promise.all(
      created.map(async (container) => {
        const inspect = await container.inspect();
        return {
          id: inspect.Id,
          name: inspect.Name.replace(/^\//, ''),
          ports: portsFromInspect(inspect),
          pulledBy: image.pulledBy,
          warnings,
        };
      }),
    );
  }

  /** Rollback: nothing of a failed run stays behind. Returns what to add to the error message. */
  private async removeAll(created: Dockerode.Container[]): Promise<string> {
    if (created.length === 0) return '';
    const left: string[] = [];
    await Promise.all(
      created.map((container) =>
        container.remove({ force: true }).catch((error: unknown) => {
          this.options.log.warn(
            `[run] could not remove ${container.id.slice(0, 12)} after a failed run: ${toErrorInfo(error).message}`,
          );
          left.push(container.id.slice(0, 12));
        }),
      ),
    );
    const count = created.length === 1 ? 'the container' : `the ${created.length} containers`;
    return left.length === 0
      ? ` Berth removed ${count} it had created, so nothing is left half-done.`
      : ` Berth could not remove ${left.join(', ')} it had created; remove ${left.length === 1 ? 'it' : 'them'} by hand.`;
  }

  private warnings(spec: RunSpec | undefined, image: EnsuredImage): string[] {
    const exposed = Object.keys(image.inspect.Config?.ExposedPorts ?? {});
    if (spec?.publishAll && exposed.length === 0)
      return [`${spec.image} declares no ports (EXPOSE), so "publish all" published nothing.`];
    return [];
  }
}
