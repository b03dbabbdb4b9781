// Owns "the image must be here before a run": inspect it, and when the engine has no such image, pull it
// through the transfer manager (so the pull shows in the transfers panel, marked as for a run) and wait for it.
import type Dockerode from 'dockerode';
import { BerthError, errorCodes, type ErrorCode } from '../../shared/errors';
import type { Transfer } from '../../shared/transfer-types';
import type { TransferManager } from '../transfers/transfer-manager';

export type ImagePuller = Pick<TransferManager, 'pull' | 'finished'>;

export interface EnsuredImage {
  inspect: Dockerode.ImageInspectInfo;
  /** The transfer that pulled it; null when it was already present. */
  pulledBy: string | null;
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 404;
}

/** A transfer that did not end `done`, as the error the run fails with (its own code and message). */
export function transferError(transfer: Transfer, image: string): BerthError {
  if (transfer.state === 'cancelled')
    return new BerthError('CANCELLED', `The pull of ${image} was cancelled, so nothing was run.`);
  const code =
    transfer.error && (errorCodes as readonly string[]).includes(transfer.error.code)
      ? (transfer.error.code as ErrorCode)
      : 'ENGINE_ERROR';
  const message = transfer.error?.message ?? `The pull of ${image} ended ${transfer.state}.`;
  return new BerthError(code, `${image} is not on this engine and pulling it failed: ${message}`);
}

export async function ensureImage(docker: Dockerode, puller: ImagePuller, image: string): Promise<EnsuredImage> {
  try {
    return { inspect: await docker.getImage(image).inspect(), pulledBy: null };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const started = await puller.pull(image, 'run');
  const ended = started.state === 'running' ? await puller.finished(started.id) : started;
  if (ended.state !== 'done') throw transferError(ended, image);
  return { inspect: await docker.getImage(image).inspect(), pulledBy: ended.id };
}
