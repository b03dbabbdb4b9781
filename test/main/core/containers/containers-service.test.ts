import type Dockerode from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import { containerAction, ContainersService } from '../../../../main/core/containers/containers-service';
import type { EngineConnection, EngineEvent } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import type { ContainersChanged } from '../../../../main/shared/container-types';

/** Just the connection surface the service uses. */
function fakeConnection(client: Partial<Dockerode> = {}) {
  let onEvent: (event: EngineEvent) => void = () => undefined;
  let onConnected: () => void = () => undefined;
  const unsubscribed: string[] = [];
  const connection = {
    client: () => client as Dockerode,
    onEngineEvent: (listener: (event: EngineEvent) => void) => {
      onEvent = listener;
      return () => unsubscribed.push('event');
    },
    onConnected: (listener: () => void) => {
      onConnected = listener;
      return () => unsubscribed.push('connected');
    },
  };
  return {
    connection: connection as unknown as EngineConnection,
    emit: (e: EngineEvent) => onEvent(e),
    connect: () => onConnected(),
    unsubscribed,
  };
}

const event = (Type: string, Action: string, ID = 'c1'): EngineEvent => ({
  Type,
  Action,
  Actor: { ID, Attributes: {} },
  time: 1,
});

describe('ContainersService events', () => {
  it('forwards container events as containers:changed, skipping noisy ones and other types', () => {
    const hub = new EventHub();
    const seen: ContainersChanged[] = [];
    hub.subscribe((name, payload) => name === 'containers:changed' && seen.push(payload as ContainersChanged));
    const fake = fakeConnection();
    const service = new ContainersService(fake.connection, hub, silentLogger);
    fake.emit(event('container', 'create'));
    fake.emit(event('container', 'exec_start: sh -c true'));
    fake.emit(event('container', 'top'));
    fake.emit(event('image', 'pull', 'busybox'));
    fake.emit(event('container', 'health_status: healthy'));
    fake.emit(event('container', 'destroy'));
    fake.connect();
    expect(seen).toEqual([
      { id: 'c1', action: 'create' },
      { id: 'c1', action: 'health_status' },
      { id: 'c1', action: 'destroy' },
      { id: null, action: 'resync' },
    ]);
    service.dispose();
    expect(fake.unsubscribed.sort()).toEqual(['connected', 'event']);
  });

  it.each([
    ['start', 'start'],
    ['exec_create: ls', null],
    ['attach', null],
    ['kill', 'kill'],
    ['', null],
  ])('containerAction(%j) is %j', (raw, action) => {
    expect(containerAction(raw)).toBe(action);
  });
});

describe('ContainersService actions', () => {
  it('lists with one listContainers call', async () => {
    const listContainers = vi.fn(async () => [{ Id: 'abc', Names: ['/web'], State: 'running' }]);
    const fake = fakeConnection({ listContainers } as unknown as Partial<Dockerode>);
    const service = new ContainersService(fake.connection, new EventHub(), silentLogger);
    expect((await service.list({ all: true })).map((c) => c.name)).toEqual(['web']);
    expect(listContainers).toHaveBeenCalledTimes(1);
    expect(listContainers).toHaveBeenCalledWith({ all: true });
  });

  it('treats "already started/stopped" (304) as done', async () => {
    const notModified = Object.assign(new Error('(HTTP code 304) container already started'), { statusCode: 304 });
    const container = { start: vi.fn().mockRejectedValue(notModified), stop: vi.fn().mockRejectedValue(notModified) };
    const fake = fakeConnection({ getContainer: () => container } as unknown as Partial<Dockerode>);
    const service = new ContainersService(fake.connection, new EventHub(), silentLogger);
    await expect(service.start('web')).resolves.toEqual({ id: 'web' });
    await expect(service.stop('web', 3)).resolves.toEqual({ id: 'web' });
    expect(container.stop).toHaveBeenCalledWith({ t: 3 });
  });

  it('says plainly that a container the engine no longer has is gone, keeping its words', async () => {
    const missing = Object.assign(new Error('no such container'), { statusCode: 404 });
    const fake = fakeConnection({
      getContainer: () => ({ remove: vi.fn().mockRejectedValue(missing) }),
    } as unknown as Partial<Dockerode>);
    const service = new ContainersService(fake.connection, new EventHub(), silentLogger);
    await expect(service.remove('nope', true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'The container nope no longer exists (the engine says: no such container).',
    });
  });
});
