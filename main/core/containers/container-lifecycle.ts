// Owns the lifecycle actions on one container (start, stop, restart, pause, unpause, kill, rename, remove)
// and how a race with the engine reads: a container already in the wanted state is a fulfilled request (logged),
// one that is gone is NOT_FOUND "no longer exists", and a refusal keeps the engine's words plus what to do.
import type Dockerode from 'dockerode';
import type { KillSignal } from '../../shared/container-action-types';
import { BerthError } from '../../shared/errors';
import { engineMessage, toErrorInfo } from '../connection/engine-errors';
import type { EngineLink } from '../connection/engine-link';
import type { Logger } from '../logger';

interface EngineFailure {
  statusCode?: number;
}

const statusOf = (error: unknown) => (error as EngineFailure | null)?.statusCode;

/** The engine's way of saying a request is already fulfilled: 304, or its words for pause/unpause. */
function alreadyDone(error: unknown, words?: RegExp): boolean {
  if (statusOf(error) === 304) return true;
  return words !== undefined && words.test(engineMessage(error));
}

export interface RemoveOptions {
  force?: boolean;
  /** Also remove the container's anonymous volumes (`docker rm -v`). */
  volumes?: boolean;
}

export class ContainerLifecycle {
  constructor(
    private readonly connection: Pick<EngineLink, 'client'>,
    private readonly log: Logger,
  ) {}

  private container(id: string): Dockerode.Container {
    return this.connection.client().getContainer(id);
  }

  async start(id: string): Promise<{ id: string }> {
    await this.attempt(id, 'start', () => this.container(id).start(), undefined, 'was already running');
    return { id };
  }

  async stop(id: string, timeoutSeconds?: number): Promise<{ id: string }> {
    const options = timeoutSeconds === undefined ? {} : { t: timeoutSeconds };
    await this.attempt(id, 'stop', () => this.container(id).stop(options), undefined, 'was already stopped');
    return { id };
  }

  async restart(id: string, timeoutSeconds?: number): Promise<{ id: string }> {
    const options = timeoutSeconds === undefined ? {} : { t: timeoutSeconds };
    await this.attempt(id, 'restart', () => this.container(id).restart(options));
    return { id };
  }

  async pause(id: string): Promise<{ id: string }> {
    await this.attempt(id, 'pause', () => this.container(id).pause(), /already paused/i, 'was already paused');
    return { id };
  }

  async unpause(id: string): Promise<{ id: string }> {
    await this.attempt(id, 'unpause', () => this.container(id).unpause(), /is not paused/i, 'was not paused');
    return { id };
  }

  async kill(id: string, signal: KillSignal = 'SIGKILL'): Promise<{ id: string }> {
    await this.attempt(id, 'kill', () => this.container(id).kill({ signal }));
    return { id };
  }

  async rename(id: string, name: string): Promise<{ id: string; name: string }> {
    await this.attempt(id, 'rename', () => this.container(id).rename({ name }));
    return { id, name };
  }

  async remove(id: string, options: RemoveOptions = {}): Promise<{ id: string }> {
    const request = { force: options.force ?? false, v: options.volumes ?? false };
    await this.attempt(id, 'remove', () => this.container(id).remove(request));
    return { id };
  }

  /** Runs one engine call; "already so" answers are logged as fulfilled, others become plain errors. */
  private async attempt(
    id: string,
    action: string,
    call: () => Promise<unknown>,
    alreadyWords?: RegExp,
    alreadyText = 'was already in that state',
  ): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (alreadyDone(error, alreadyWords)) {
        this.log.info(`[containers] ${action} of ${id}: it ${alreadyText}, nothing to do`);
        return;
      }
      throw lifecycleError(error, id, action);
    }
  }
}

/** What to tell the user when the engine refused `action` on `id`: its words, and what to do next. */
export function lifecycleError(error: unknown, id: string, action: string): BerthError {
  const info = toErrorInfo(error);
  const said = engineMessage(error);
  if (info.code === 'NOT_FOUND')
    return new BerthError('NOT_FOUND', `The container ${id} no longer exists (the engine says: ${said}).`);
  if (info.code !== 'CONFLICT' && statusOf(error) !== 409 && !/is not running/i.test(said))
    return new BerthError(info.code, info.message);
  if (action === 'remove' && /running container/i.test(said))
    return new BerthError(
      'CONFLICT',
      `The engine refused to remove ${id}: ${said}. Stop it first, or remove it with force (which stops it).`,
    );
  if (/is not running/i.test(said))
    return new BerthError('CONFLICT', `${id} is not running, so it cannot be ${pastTense(action)}: ${said}.`);
  if (action === 'rename' && /already in use/i.test(said))
    return new BerthError('CONFLICT', `That name is taken: ${said}. Choose another name.`);
  return new BerthError('CONFLICT', `The engine refused to ${action} ${id}: ${said}.`);
}

function pastTense(action: string): string {
  const words: Record<string, string> = { kill: 'killed', pause: 'paused', unpause: 'unpaused', stop: 'stopped' };
  return words[action] ?? `${action}ed`;
}
