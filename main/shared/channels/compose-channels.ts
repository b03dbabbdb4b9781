// Compose channels: which compose CLI exists, and `up`/`down` of a compose file run through it against the
// active engine, their output streamed (stream-types.ts) and their exit code at the end.
import { z } from 'zod';
import type { ComposeCli } from '../compose-types';
import type { StreamOpened } from '../stream-types';
import { channel, none, streamId } from './channel-kit';

/** A compose file on the computer the core runs on; the core checks it exists and is a regular file. */
const composeFile = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[a-zA-Z]:[\\/]|\\\\)/, 'must be an absolute path to a compose file');
/** Compose's own rule for project names (lowercase letters, digits, dashes and underscores). */
export const composeProjectName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'must be lowercase letters, digits, dashes and underscores, starting with a letter or digit',
  );

const composeUpRequest = z.object({ streamId, file: composeFile, projectName: composeProjectName.optional() }).strict();
/** Either the file (and optionally the project's name), or a project's name alone (its containers say which files). */
const composeDownRequest = z
  .object({
    streamId,
    file: composeFile.optional(),
    projectName: composeProjectName.optional(),
    removeVolumes: z.boolean().optional(),
  })
  .strict()
  .refine((request) => request.file !== undefined || request.projectName !== undefined, {
    message: 'needs a compose file or a project name',
  });

export const composeChannels = {
  /** Which compose CLI runs here (`docker compose` v2, else `docker-compose`), or how to get one. */
  'compose:cli': channel<typeof none, ComposeCli>(none),
  /** `up -d` of the file against the active engine; output on the stream, the exit code in its end. */
  'compose:up': channel<typeof composeUpRequest, StreamOpened>(composeUpRequest),
  /** `down` of a file's project (or of a project by name); `removeVolumes` adds `-v`. */
  'compose:down': channel<typeof composeDownRequest, StreamOpened>(composeDownRequest),
} as const;
