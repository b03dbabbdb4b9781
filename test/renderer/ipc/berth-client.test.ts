import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../main/shared/errors';
import type { RawTransport } from '../../../main/shared/transport';
import { BerthClient } from '../../../renderer/src/ipc/berth-client';

function client(invoke: RawTransport['invoke']): BerthClient {
  return new BerthClient({ invoke, on: () => () => undefined }, 'electron', null);
}

describe('BerthClient', () => {
  it('returns the data of an ok envelope and sends the request as given', async () => {
    const calls: unknown[] = [];
    const c = client(async (channel, payload) => {
      calls.push([channel, payload]);
      return { ok: true, data: [{ id: 'a' }] };
    });
    expect(await c.invoke('containers:list', { all: true })).toEqual([{ id: 'a' }]);
    expect(calls).toEqual([['containers:list', { all: true }]]);
  });

  it('throws a BerthError with the code and message of an error envelope', async () => {
    const c = client(async () => ({ ok: false, error: { code: 'CONFLICT', message: 'container is running' } }));
    const error = await c.invoke('containers:remove', { id: 'web-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'container is running' });
  });

  it('maps an unknown code to INTERNAL and a throwing transport to INTERNAL', async () => {
    const unknown = client(async () => ({ ok: false, error: { code: 'FUTURE' as 'INTERNAL', message: 'm' } }));
    await expect(unknown.invoke('app:info', {})).rejects.toMatchObject({ code: 'INTERNAL', message: 'm' });
    const broken = client(async () => {
      throw new Error('ipc gone');
    });
    await expect(broken.invoke('app:info', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('ipc gone'),
    });
  });
});
