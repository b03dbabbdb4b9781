// How a terminal session ended, once its connection closed: the shell exited (its exit code), or the
// container stopped under it (said plainly, since the shell's own exit code would only read as a kill).
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { engineMessage } from '../connection/engine-errors';

export interface SessionEnd {
  error?: unknown;
  exitCode?: number | null;
}

export async function shellEnding(
  exec: Dockerode.Exec,
  container: Dockerode.Container,
  label: string,
): Promise<SessionEnd> {
  try {
    // The engine records the exec's exit a moment after the connection closes, and a stopping container's
    // state a moment after its processes were killed: a shell killed by a signal (exit code above 128) waits
    // up to 2 s for the container to say whether it is stopping.
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const [execInfo, containerInfo] = await Promise.all([exec.inspect(), container.inspect()]);
      if (!containerInfo.State.Running) return stoppedUnder(label, containerInfo.State);
      const exited = !execInfo.Running && execInfo.ExitCode !== null;
      if (exited && (execInfo.ExitCode! <= 128 || attempt >= 39)) return { exitCode: execInfo.ExitCode };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { error: new BerthError('ENGINE_ERROR', `The terminal connection to ${label} closed.`) };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) {
      return { error: new BerthError('NOT_FOUND', `${label} was removed, so the terminal session ended.`) };
    }
    return {
      error: new BerthError(
        'ENGINE_ERROR',
        `The terminal in ${label} ended and the engine could not say why: ${engineMessage(error)}`,
      ),
    };
  }
}

function stoppedUnder(label: string, state: Dockerode.ContainerInspectInfo['State']): SessionEnd {
  const why = state.OOMKilled ? ' (out of memory)' : state.ExitCode ? ` (exit code ${state.ExitCode})` : '';
  return {
    error: new BerthError('CONFLICT', `${label} stopped${why}, so the terminal session ended.`),
  };
}
