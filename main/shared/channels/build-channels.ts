// Build channels: an image built from a folder on this machine, its output streamed (see stream-types.ts).
import { z } from 'zod';
import type { StreamOpened } from '../stream-types';
import { channel, streamId } from './channel-kit';

const buildArg = z
  .object({
    key: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^=\s]+$/, 'must be a build argument name, without = or spaces'),
    value: z.string().max(32768),
  })
  .strict();

const buildRequest = z
  .object({
    streamId,
    /** The build context: an absolute folder path on the machine the core runs on. */
    context: z.string().min(1).max(4096),
    /** The Dockerfile's path inside the context (default `Dockerfile`). */
    dockerfile: z.string().min(1).max(4096).optional(),
    tag: z.string().min(1).max(512).optional(),
    buildArgs: z.array(buildArg).max(200).optional(),
    target: z
      .string()
      .max(128)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be a build stage name')
      .optional(),
    noCache: z.boolean().optional(),
  })
  .strict();

export const buildChannels = {
  /** Builds an image; the engine's output arrives on the stream, which ends with the failing step's message or
   * a `Built image <id> tagged <tag>` line. Closing the stream cancels the build. */
  'images:build': channel<typeof buildRequest, StreamOpened>(buildRequest),
} as const;
