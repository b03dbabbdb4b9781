// Logs: following a container's output as a stream, and older lines fetched page by page on demand.
import { z } from 'zod';
import type { StreamOpened } from '../stream-types';
import type { LogsPage } from '../log-types';
import { channel, containerRef, streamId } from './channel-kit';

/** A unix time in seconds, as the engine's `since`/`until` take it (fractions allowed). */
const unixSeconds = z.number().min(0).max(32_503_680_000);

/** The engine's RFC 3339 timestamp of a log line, nanoseconds included (`2026-12-05T23:41:17.123456789Z`). */
export const logTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, 'must be an RFC 3339 timestamp');

const logsFollowRequest = z
  .object({
    streamId,
    id: containerRef,
    /** The last N lines only; absent means all of them. */
    tail: z.number().int().min(0).max(10_000_000).optional(),
    since: unixSeconds.optional(),
    until: unixSeconds.optional(),
  })
  .strict();

const logsFetchRequest = z
  .object({ id: containerRef, before: logTimestamp, limit: z.number().int().min(1).max(10_000) })
  .strict();

export const logsChannels = {
  /** Opens a stream of the container's logs (timestamps always on): follows while it runs, ends when it stops. */
  'logs:follow': channel<typeof logsFollowRequest, StreamOpened>(logsFollowRequest),
  /** Up to `limit` lines written before `before` (the oldest line the window holds), for scrolling back. */
  'logs:fetch': channel<typeof logsFetchRequest, LogsPage>(logsFetchRequest),
} as const;
