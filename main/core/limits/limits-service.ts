// Owns live tuning of a container's resource limits: reading what is enforced, validating a change against
// the resulting limit set before any engine call, applying it with ONE update call, reading back what the engine
// now enforces, an undo history per container for this core session, bulk applies and suggestions from stats.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type {
  BulkLimitsResult,
  ContainerLimits,
  ContainerLimitsView,
  LimitsApplyResult,
  LimitsChange,
  LimitsSuggestion,
} from '../../shared/limits-types';
import { describeValue, fieldLabel, type LimitField } from '../../shared/limits/limit-fields';
import { formatLimitBytes } from '../../shared/limits/limit-units';
import { normaliseLimits, resolveChange } from '../../shared/limits/resolve-change';
import type { Logger } from '../logger';
import type { StatsService } from '../stats/stats-service';
import { toErrorInfo } from '../connection/engine-errors';
import { mismatches, restartDivergence } from './enforced-limits';
import { explainRefusal } from './engine-refusal';
import { sendUpdate, type UpdateResponse } from './engine-update';
import { KeyedQueue } from '../keyed-queue';
import type { EngineLimitsFacts } from './limits-capabilities';
import { LimitsReader, type ContainerLimitsState, type LimitsConnection } from './limits-reader';
import { suggestLimits } from './limits-suggest';
import { invalidLimitsError } from './limits-validate';
import { currentMemoryUsage } from './memory-usage';
import { podmanUnverified } from './podman-limits';
import { UndoStacks } from './undo-stacks';
import { planUpdate } from './update-payload';

export interface LimitsServiceOptions {
  connection: LimitsConnection;
  stats: Pick<StatsService, 'history' | 'refreshLimits'>;
  log: Logger;
  /** Where this host's /proc and cgroup hierarchy are (tests point them at fixtures). */
  procRoot?: string;
  cgroupRoot?: string;
}

/** Bulk applies run a few at a time: enough to be quick, few enough not to queue up the engine. */
const BULK_CONCURRENCY = 4;

export class LimitsService {
  private readonly reader: LimitsReader;
  private readonly history = new UndoStacks();
  private readonly queue = new KeyedQueue();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: LimitsServiceOptions) {
    this.reader = new LimitsReader(options.connection, {
      procRoot: options.procRoot ?? '/proc',
      cgroupRoot: options.cgroupRoot ?? '/sys/fs/cgroup',
    });
    // A removed container's undo history can never be used again.
    this.unsubscribe = options.connection.onEngineEvent((event) => {
      if (event.Type === 'container' && event.Action === 'destroy' && event.Actor.ID)
        this.history.forget(event.Actor.ID);
    });
  }

  async get(ref: string): Promise<ContainerLimitsView> {
    const docker = this.options.connection.client();
    const state = await this.reader.read(docker, ref, await this.reader.engineFacts(docker));
    const { snapshot } = state;
    return {
      id: snapshot.id,
      name: snapshot.name,
      running: snapshot.running,
      limits: state.limits,
      capabilities: state.capabilities,
      canUndo: this.history.canUndo(snapshot.id),
    };
  }

  async apply(ref: string, change: LimitsChange, acknowledgeBelowUsage: boolean): Promise<LimitsApplyResult> {
    const docker = this.options.connection.client();
    const engine = await this.reader.engineFacts(docker);
    const id = await this.resolveId(docker, ref);
    return this.queue.run(id, () => this.applyNow(docker, engine, id, change, acknowledgeBelowUsage, true));
  }

  /** `acknowledgeBelowUsage`: the contract's `limits:undo` has no such field yet; see the report on the contract. */
  async undo(ref: string, acknowledgeBelowUsage = false): Promise<LimitsApplyResult> {
    const docker = this.options.connection.client();
    const engine = await this.reader.engineFacts(docker);
    const id = await this.resolveId(docker, ref);
    return this.queue.run(id, async () => {
      const previous = this.history.peek(id);
      if (!previous)
        throw new BerthError(
          'CONFLICT',
          `Nothing to undo for ${ref}: Berth can undo only limit changes made since it started.`,
        );
      const result = await this.applyNow(docker, engine, id, previous, acknowledgeBelowUsage, false);
      this.history.pop(id);
      return result;
    });
  }

  async applyBulk(refs: string[], change: LimitsChange, acknowledgeBelowUsage: boolean): Promise<BulkLimitsResult> {
    const docker = this.options.connection.client();
    const engine = await this.reader.engineFacts(docker);
    const results: BulkLimitsResult = new Array(refs.length);
    let next = 0;
    const worker = async () => {
      while (next < refs.length) {
        const index = next++;
        results[index] = await this.applyOne(docker, engine, refs[index], change, acknowledgeBelowUsage);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, refs.length) }, worker));
    return results;
  }

  async suggest(ref: string): Promise<LimitsSuggestion> {
    const docker = this.options.connection.client();
    const engine = await this.reader.engineFacts(docker);
    const state = await this.reader.read(docker, ref, engine);
    const outcome = suggestLimits({
      id: state.snapshot.id,
      history: this.options.stats.history(state.snapshot.id),
      current: state.limits,
      engineCpus: engine.cpus,
    });
    // Too little history is a state that passes with time, not a bad request, and the message says so.
    if (!outcome.ok)
      throw new BerthError(
        'NOT_ENOUGH_DATA',
        `${outcome.reason} Keep ${state.snapshot.name}'s stats open a little longer, then ask again.`,
      );
    return outcome.suggestion;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private async applyOne(
    docker: Dockerode,
    engine: EngineLimitsFacts,
    ref: string,
    change: LimitsChange,
    ack: boolean,
  ): Promise<BulkLimitsResult[number]> {
    let id = ref;
    let name = ref;
    try {
      const info = await docker.getContainer(ref).inspect();
      id = info.Id;
      name = info.Name.replace(/^\//, '') || id.slice(0, 12);
      const result = await this.queue.run(id, () => this.applyNow(docker, engine, id, change, ack, true));
      return { id, name, ok: true, result };
    } catch (error) {
      return { id, name, ok: false, error: toErrorInfo(error) };
    }
  }

  private async resolveId(docker: Dockerode, ref: string): Promise<string> {
    return (await docker.getContainer(ref).inspect()).Id;
  }

  /** Runs inside the container's queue: read, validate, confirm, ONE update, read back. */
  private async applyNow(
    docker: Dockerode,
    engine: EngineLimitsFacts,
    id: string,
    change: LimitsChange,
    ack: boolean,
    recordUndo: boolean,
  ): Promise<LimitsApplyResult> {
    const before = await this.reader.read(docker, id, engine);
    const requested = normaliseLimits(resolveChange(before.limits, change), engine.cpus);
    const invalid = invalidLimitsError(requested, before.limits, change, before.capabilities);
    if (invalid) throw invalid;
    const plan = planUpdate(before.limits, requested, {
      product: engine.product,
      cpu: before.snapshot.cpu,
      swapLimitSupported: engine.swapLimitSupported,
      engineCpus: engine.cpus,
    });
    const warnings = plan.notes.map((note) => note.text);
    const noted = plan.notes.map((note) => note.field);
    if (plan.fields.length === 0) {
      warnings.push('Nothing to change: the container already has these limits.', ...this.divergence(before));
      return { id, before: before.limits, after: before.limits, warnings };
    }
    if (plan.fields.includes('memoryBytes')) warnings.push(...(await this.checkUsage(docker, before, requested, ack)));
    let response: UpdateResponse;
    try {
      response = await sendUpdate(docker, engine, id, plan.payload);
    } catch (error) {
      throw await explainRefusal(error, { docker, before, reader: this.reader, engine, log: this.options.log });
    }
    if (recordUndo) this.history.push(id, before.limits);
    let after = await this.reader.read(docker, id, engine);
    if (engine.product === 'podman' && after.snapshot.running && !after.kernel) {
      // Podman's inspect keeps the created values after a live update: without the kernel's files, what Podman
      // accepted is the best answer, said as such (not a mismatch with what was asked).
      after = { ...after, limits: requested };
      warnings.push(podmanUnverified);
    }
    // The stats rows carry limits too: refresh them before answering, and have the core send a row with what the
    // engine now enforces, so no chart shows the old limit after this reply (the engine's `update` event would
    // refresh them too, but later, and only from the next sample on).
    await this.options.stats.refreshLimits(id, after.limits);
    warnings.push(
      ...(response?.Warnings ?? []),
      ...mismatches(requested, after.limits),
      ...this.divergence(after, noted),
    );
    if (!after.snapshot.running)
      warnings.push('The container is not running: the engine keeps these limits and applies them when it starts.');
    const summary = plan.fields.map(
      (field) =>
        `${fieldLabel(field)} ${describeValue(field, before.limits[field])} → ${describeValue(field, after.limits[field])}`,
    );
    this.options.log.info(
      `[limits] ${recordUndo ? 'applied' : 'undid'} on ${after.snapshot.name}: ${summary.join(', ')}`,
    );
    return { id, before: before.limits, after: after.limits, warnings };
  }

  /** Below current use the kernel reclaims, may OOM-kill, or refuses: the user has to say they mean it. */
  private async checkUsage(
    docker: Dockerode,
    before: ContainerLimitsState,
    requested: ContainerLimits,
    ack: boolean,
  ): Promise<string[]> {
    const limit = requested.memoryBytes;
    const lowering = limit !== null && (before.limits.memoryBytes === null || limit < before.limits.memoryBytes);
    if (!lowering || !before.snapshot.running) return [];
    const { id, name } = before.snapshot;
    const usage = await currentMemoryUsage(id, {
      history: (ref, seconds) => this.options.stats.history(ref, seconds),
      kernelUsageBytes: before.kernel?.memoryUsageBytes ?? null,
      docker,
      log: this.options.log,
    });
    if (!usage || usage.bytes <= limit) return [];
    const what = `Memory limit ${formatLimitBytes(limit)} is below the current usage of ${name}, ${formatLimitBytes(usage.bytes)}`;
    if (!ack) {
      throw new BerthError(
        'NEEDS_CONFIRMATION',
        `${what}: the kernel may reclaim its memory or OOM-kill its processes, or refuse the change. Confirm to apply it anyway.`,
      );
    }
    return [`${what}: the kernel may reclaim its memory or OOM-kill its processes.`];
  }

  /** What the engine would apply differently at the next start (only knowable where the kernel is readable). */
  private divergence(state: ContainerLimitsState, alreadyNoted: LimitField[] = []): string[] {
    return state.kernel ? restartDivergence(state.limits, state.snapshot.configured, alreadyNoted) : [];
  }
}
