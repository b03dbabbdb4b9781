// The pieces every channel declaration uses: `channel()` and the request fields several domains share.
// Domains with many channels declare them in their own file here (`<domain>-channels.ts`), which
// contract.ts spreads into its one `channels` table.
import { z } from 'zod';

/** Declares a channel: the schema validates what arrives, the phantom type documents what is returned. */
export function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}

/** A request without fields. */
export const none = z.object({}).strict();

/** A container's id (full or short) or its name, as the engine accepts in its paths. */
export const containerRef = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'must be a container id or name (letters, digits, _ . -)');

/** The id a client chooses for a stream it opens (a UUID), so it listens to the stream's events before asking. */
export const streamId = z.uuid('must be a stream id (a UUID the client chose)');
