// Owns what happens when the engine refuses an update: the engine's own message, what the user can do, and
// making sure the refusal changed nothing. runc (1.1, under engine 20.10) writes cgroup files one controller
// at a time and does not undo them when a later one fails: a cpuset change followed by a memory limit the
// kernel refuses leaves the new cpuset in force while inspect shows the old one. Berth puts such leftovers back.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { fieldLabel } from '../../shared/limits/limit-fields';
import { toErrorInfo } from '../connection/engine-errors';
import type { Logger } from '../logger';
import { differences } from './enforced-limits';
import { sendUpdate } from './engine-update';
import type { EngineLimitsFacts } from './limits-capabilities';
import type { ContainerLimitsState, LimitsReader } from './limits-reader';
import { planUpdate } from './update-payload';

const hints: Array<[RegExp, string]> = [
  // Podman reports a refused `runc update` (or crun's) with the command line and exit status only, not the
  // kernel's reason; below current use is what makes the kernel refuse a memory limit.
  [
    /(runc|crun) update .*failed/i,
    'Podman does not pass on why its runtime refused: usually a memory limit below what the container uses now. Choose a limit above its current use, or free memory inside it first.',
  ],
  [
    /unable to set memory limit|device or resource busy/i,
    'The kernel could not reclaim enough memory to fit the new limit: choose a limit above what the container uses now, or free memory inside it first.',
  ],
  [
    /conflicting options/i,
    "The container's CPU limit was set the other way (NanoCpus against CpuQuota/CpuPeriod) when it was created; recreate it to change how its CPU limit is set.",
  ],
  [/autoremove/i, 'Containers started with --rm cannot have a restart policy; recreate it without --rm.'],
  [/cpus are not available|cpuset/i, 'Pick only cores the engine has.'],
  [/minimum|maximum|range/i, 'Choose a value within the range the engine names.'],
  // Engines word a resource they cannot update on a running container this way (an unsupported field of a
  // compatible API, a cgroup controller the kernel does not offer); the advice is to recreate with it.
  [
    /not supported|not implemented/i,
    'This engine cannot change that limit on a running container; recreate the container with the new limit.',
  ],
];

export function refusalHint(message: string): string {
  return hints.find(([pattern]) => pattern.test(message))?.[1] ?? 'Check the values and try again.';
}

export interface RefusalContext {
  docker: Dockerode;
  before: ContainerLimitsState;
  reader: LimitsReader;
  engine: EngineLimitsFacts;
  log: Logger;
}

/** The error to throw for a refused update, after undoing whatever part of it reached the kernel anyway. */
export async function explainRefusal(error: unknown, context: RefusalContext): Promise<Error> {
  // Unreachable engine and other Berth errors are not refusals: nothing to verify, their message says it all.
  if (error instanceof BerthError) return error;
  const info = toErrorInfo(error);
  if (info.code === 'ENGINE_UNREACHABLE' || info.code === 'NOT_FOUND') return new BerthError(info.code, info.message);
  const { before, docker, engine, log } = context;
  const name = before.snapshot.name;
  log.warn(`[limits] the engine refused to update ${name}: ${info.message}`);
  const outcome = await restoreLeftovers(context);
  return new BerthError(info.code, `${info.message} ${refusalHint(info.message)} ${outcome}`.trim());

  async function restoreLeftovers(ctx: RefusalContext): Promise<string> {
    let now: ContainerLimitsState;
    try {
      now = await ctx.reader.read(docker, before.snapshot.id, engine);
    } catch (readError) {
      return `Berth could not re-read the container to check that nothing changed: ${toErrorInfo(readError).message}`;
    }
    const drifted = differences(now.limits, before.limits);
    if (drifted.length === 0) {
      // Without the kernel's files (a remote engine) only the engine's configuration can be checked.
      return now.kernel || !now.snapshot.running
        ? 'Nothing was changed.'
        : "The engine's configuration of the container is unchanged.";
    }
    const list = drifted.map((field) => fieldLabel(field)).join(', ');
    const plan = planUpdate(now.limits, before.limits, {
      product: engine.product,
      cpu: now.snapshot.cpu,
      swapLimitSupported: engine.swapLimitSupported,
      engineCpus: engine.cpus,
    });
    try {
      await sendUpdate(docker, engine, before.snapshot.id, plan.payload);
      log.warn(`[limits] put back the ${list} of ${name}, which the refused update had changed in the kernel`);
      return `The engine had already changed the ${list} before refusing; Berth put ${drifted.length === 1 ? 'it' : 'them'} back.`;
    } catch (restoreError) {
      log.error(`[limits] could not put back the ${list} of ${name}`, restoreError);
      return `The engine had already changed the ${list} before refusing, and putting ${drifted.length === 1 ? 'it' : 'them'} back failed (${toErrorInfo(restoreError).message}): check the container's limits.`;
    }
  }
}
