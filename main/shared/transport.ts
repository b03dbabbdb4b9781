// What a transport between a renderer and the core carries, whichever it is (Electron IPC or WebSocket),
// and the frames of the WebSocket bridge. Both ends validate what they receive.
import { z } from 'zod';
import type { Envelope } from './errors';

/** The raw, untyped surface both transports offer; `window.berth` in Electron has exactly this shape. */
export interface RawTransport {
  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  /** Listens to one pushed event; returns the function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The path of the WebSocket bridge in `serve` mode. */
export const bridgePath = '/bridge';

/** A request from a renderer over the WebSocket bridge. */
export const wsRequestFrame = z
  .object({ id: z.number().int().nonnegative(), channel: z.string().max(100), payload: z.unknown() })
  .strict();

export type WsRequestFrame = z.infer<typeof wsRequestFrame>;

/** Frames from the core: a reply to a request (by id), or a pushed event. */
export type WsServerFrame =
  { type: 'reply'; id: number | null; reply: Envelope<unknown> } | { type: 'event'; event: string; payload: unknown };

// Any code string: the typed client shows a code it does not know as INTERNAL, whereas a frame refused here
// would leave its request waiting for ever.
const errorInfoSchema = z.object({ code: z.string().max(100), message: z.string() });
export const wsServerFrame = z.union([
  z.object({
    type: z.literal('reply'),
    id: z.number().int().nullable(),
    reply: z.union([
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: errorInfoSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
