// The one router that serves the contract. Every transport hands it (channel, payload) exactly as received
// and gets back an envelope; nothing thrown by a handler escapes as a raw exception.
import {
  channelNames,
  channels,
  isChannel,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/contract';
import { fail, ok, type Envelope } from '../../shared/errors';
import { toErrorInfo } from '../connection/engine-errors';
import type { Logger } from '../logger';

/** Who is asking: one renderer connection (an Electron window, a WebSocket client). State kept per client,
 * such as its stats watch set, is released when the transport reports the client gone. */
export interface ClientContext {
  id: string;
}

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, client: ClientContext) => Promise<ResponseOf<C>>;
};

const anonymousClient: ClientContext = { id: 'anonymous' };

export class Router {
  constructor(
    private readonly handlers: Handlers,
    private readonly log: Logger,
  ) {}

  async handle(
    channel: unknown,
    payload: unknown,
    client: ClientContext = anonymousClient,
  ): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) {
      const shown = typeof channel === 'string' ? `"${channel.slice(0, 100)}"` : typeof channel;
      return fail('UNKNOWN_CHANNEL', `Unknown channel ${shown}. Known channels: ${channelNames.join(', ')}.`);
    }
    // A request without a payload is the same as an empty one; anything else must match the schema exactly.
    const parsed = channels[channel].request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
        .join('; ');
      return fail('INVALID_PAYLOAD', `Invalid request for ${channel}: ${issues}.`);
    }
    try {
      const handler = this.handlers[channel] as (request: unknown, client: ClientContext) => Promise<unknown>;
      return ok(await handler(parsed.data, client));
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'INTERNAL') this.log.error(`[ipc] ${channel} failed`, error);
      return { ok: false, error: info };
    }
  }
}
