// The typed client over a raw transport: `invoke` returns the channel's response or throws a BerthError;
// `on` hands listeners their event's payload type.
import type { Channel, EventName, EventPayloads, RequestOf, ResponseOf } from '@shared/contract';
import { BerthError, errorCodes, type ErrorCode } from '@shared/errors';
import type { RawTransport } from '@shared/transport';
import type { Bridge } from './bridge-state';
import { errorMessage } from '@shared/error-message';

export type TransportKind = 'electron' | 'websocket';

export class BerthClient {
  constructor(
    private readonly raw: RawTransport,
    readonly kind: TransportKind,
    /** The WebSocket bridge's connection; null in Electron, where IPC cannot drop. */
    readonly bridge: Bridge | null,
  ) {}

  async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    let reply;
    try {
      reply = await this.raw.invoke(channel, request);
    } catch (error) {
      // A transport should answer with an envelope; a thrown error means it broke, not the engine.
      const message = errorMessage(error);
      throw new BerthError('INTERNAL', `The request ${channel} failed in transport: ${message}`);
    }
    if (reply.ok) return reply.data as ResponseOf<C>;
    throw new BerthError(knownCode(reply.error.code), reply.error.message);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    // The core is the only sender and types its events with the same contract.
    return this.raw.on(event, (payload) => listener(payload as EventPayloads[E]));
  }
}

/** A code from a newer core that this renderer does not know is still an error, shown as INTERNAL. */
function knownCode(code: string): ErrorCode {
  return (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}
