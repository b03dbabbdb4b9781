// One IPC call through a core's router, as the renderer makes it: the reply's data, or an Error that carries the
// reply's error fields (code, message) so tests can assert on them.
import type { Core } from '../../../main/core/create-core';
import type { Channel, RequestOf, ResponseOf } from '../../../main/shared/contract';

export async function callCore<C extends Channel>(
  core: Core,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const reply = await core.router.handle(channel, payload);
  if (!reply.ok)
    throw Object.assign(new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`), reply.error);
  return reply.data as ResponseOf<C>;
}
