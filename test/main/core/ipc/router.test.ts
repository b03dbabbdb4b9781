import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../../main/shared/contract';
import { BerthError } from '../../../../main/shared/errors';
import { Router, type Handlers } from '../../../../main/core/ipc/router';
import { silentLogger } from '../../../../main/core/logger';

/** Handlers that record every call, so a test can prove an invalid request never reached one. */
function spyHandlers(impl: (channel: string) => unknown = () => ({ done: true })) {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((name) => [
      name,
      vi.fn(async () => {
        calls.push(name);
        return impl(name);
      }),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const invalidPayloads: unknown[] = [
  'text',
  42,
  null,
  [],
  true,
  { unexpected: 1 },
  { id: '../../etc/passwd', extra: 1 },
];

describe('Router', () => {
  it('refuses every invalid payload on every channel with INVALID_PAYLOAD, without calling the handler', async () => {
    const { handlers, calls } = spyHandlers();
    const router = new Router(handlers, silentLogger);
    for (const channel of channelNames) {
      for (const payload of invalidPayloads) {
        const reply = await router.handle(channel, payload);
        expect(reply, `${channel} with ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_PAYLOAD' },
        });
        if (!reply.ok) expect(reply.error.message).toContain(channel);
      }
    }
    expect(calls).toEqual([]);
  });

  it('names the offending field', async () => {
    const router = new Router(spyHandlers().handlers, silentLogger);
    const reply = await router.handle('containers:stop', { id: 'web', timeoutSeconds: -5 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/timeoutSeconds/);
    const badId = await router.handle('containers:remove', { id: '../etc' });
    if (!badId.ok) expect(badId.error.message).toMatch(/id: must be a container id or name/);
    else expect.fail('an id with a path must be refused');
  });

  it('refuses unknown channels, whatever their type, with UNKNOWN_CHANNEL', async () => {
    const router = new Router(spyHandlers().handlers, silentLogger);
    for (const channel of ['containers:explode', '', 'toString', '__proto__', 7, null, undefined, { a: 1 }]) {
      const reply = await router.handle(channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('serves a valid request with the handler result in an ok envelope; a missing payload counts as {}', async () => {
    const { handlers, calls } = spyHandlers((name) => ({ from: name }));
    const router = new Router(handlers, silentLogger);
    expect(await router.handle('containers:list', { all: false })).toEqual({
      ok: true,
      data: { from: 'containers:list' },
    });
    expect(await router.handle('engine:status', undefined)).toEqual({ ok: true, data: { from: 'engine:status' } });
    expect(calls).toEqual(['containers:list', 'engine:status']);
  });

  it('hands each handler the asking client, so per-client state (stats watches) can be kept and released', async () => {
    const seen: string[] = [];
    const handlers = spyHandlers().handlers;
    handlers['stats:watch'] = async (_request, client) => {
      seen.push(client.id);
      return { collector: 'cgroup', intervalMs: 1000, focusIntervalMs: 250, historySeconds: 900, watching: [] };
    };
    const router = new Router(handlers, silentLogger);
    await router.handle('stats:watch', { all: true }, { id: 'ws-7' });
    await router.handle('stats:watch', { ids: ['web'] });
    expect(seen).toEqual(['ws-7', 'anonymous']);
  });

  it('turns whatever a handler throws into an error envelope', async () => {
    const thrown: Record<string, unknown> = {
      'containers:start': new BerthError('ENGINE_UNREACHABLE', 'engine gone'),
      'containers:stop': Object.assign(new Error('(HTTP code 404) no such container'), {
        statusCode: 404,
        json: { message: 'No such container: x' },
      }),
      'containers:remove': Object.assign(new Error('(HTTP code 409) conflict'), {
        statusCode: 409,
        json: { message: 'container is running' },
      }),
      'containers:list': Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' }),
      'images:list': new TypeError('boom'),
    };
    const { handlers } = spyHandlers((name) => {
      throw thrown[name];
    });
    const router = new Router(handlers, silentLogger);
    expect(await router.handle('containers:start', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'ENGINE_UNREACHABLE', message: 'engine gone' },
    });
    expect(await router.handle('containers:stop', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('No such container: x') },
    });
    expect(await router.handle('containers:remove', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('container is running') },
    });
    expect(await router.handle('containers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNREACHABLE' },
    });
    expect(await router.handle('images:list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('boom') },
    });
  });
});
