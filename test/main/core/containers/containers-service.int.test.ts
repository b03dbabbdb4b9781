// ContainersService against the harness engine: list, actions and change events on real containers.
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainersService } from '../../../../main/core/containers/containers-service';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { toErrorInfo } from '../../../../main/core/connection/engine-errors';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { harness } from '../../../harness/context';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { HubRecorder } from '../hub-recorder';

let connection: EngineConnection;
let service: ContainersService;
let recorder: HubRecorder;
let docker: Dockerode;

const changed = (id: string, action: string, what = `${action} of ${id.slice(0, 12)}`) =>
  recorder.next('containers:changed', (c) => c.id === id && c.action === action, 15_000, what);

beforeAll(async () => {
  const hub = new EventHub();
  recorder = new HubRecorder(hub);
  connection = new EngineConnection({
    discover: () => discoverEngine({ env: { DOCKER_HOST: harness().dockerHost } }),
    log: silentLogger,
  });
  service = new ContainersService(connection, hub, silentLogger);
  const resync = recorder.next(
    'containers:changed',
    (c) => c.id === null && c.action === 'resync',
    20_000,
    'resync on connect',
  );
  const status = await connection.reconnect();
  expect(status.state).toBe('connected');
  await resync;
  docker = new Dockerode({ socketPath: harness().socketPath });
});

afterAll(async () => {
  service?.dispose();
  await connection?.stop();
  recorder?.dispose();
  if (docker) await removeTestContainers(docker);
});

describe('ContainersService with a real engine', () => {
  it('sees a created container in events and in the list, with the right fields', async () => {
    const name = `berth-int-${Date.now()}`;
    const created = recorder.next('containers:changed', (c) => c.action === 'create', 15_000, 'create');
    const container = await docker.createContainer({
      Image: harness().busyboxImage,
      name,
      Cmd: ['sleep', '3600'],
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      Labels: { [TEST_LABEL]: '1', 'com.docker.compose.project': 'berth-int' },
      StopTimeout: 1,
    });
    expect((await created).payload.id).toBe(container.id);

    const listed = (await service.list({ all: true })).find((c) => c.id === container.id);
    expect(listed).toMatchObject({
      id: container.id,
      name,
      image: harness().busyboxImage,
      command: 'sleep 3600',
      state: 'created',
      composeProject: 'berth-int',
    });
    expect(listed?.imageId).toMatch(/^sha256:/);
    expect(listed?.created).toBeGreaterThan(0);
    // Without `all`, only running containers are listed.
    expect((await service.list()).some((c) => c.id === container.id)).toBe(false);

    const started = changed(container.id, 'start');
    await service.start(container.id);
    await started;
    // The engine lists exposed ports once the container runs (they come from its network settings).
    expect((await service.list()).find((c) => c.id === container.id)).toMatchObject({
      state: 'running',
      status: expect.stringMatching(/^Up/),
      ports: [
        { privatePort: 53, publicPort: null, ip: null, protocol: 'udp' },
        { privatePort: 8080, publicPort: null, ip: null, protocol: 'tcp' },
      ],
    });

    const died = changed(container.id, 'die');
    await service.stop(container.id, 1);
    await died;
    expect((await service.list({ all: true })).find((c) => c.id === container.id)?.state).toBe('exited');

    const destroyed = changed(container.id, 'destroy');
    await service.remove(container.id);
    await destroyed;
    expect((await service.list({ all: true })).some((c) => c.id === container.id)).toBe(false);
  });

  it('starting a running container or stopping a stopped one is not an error', async () => {
    const container = await docker.createContainer({
      Image: harness().busyboxImage,
      Cmd: ['sleep', '3600'],
      Labels: { [TEST_LABEL]: '1' },
      StopTimeout: 1,
    });
    await service.start(container.id);
    await expect(service.start(container.id)).resolves.toEqual({ id: container.id });
    await service.stop(container.id, 1);
    await expect(service.stop(container.id, 1)).resolves.toEqual({ id: container.id });
    await service.remove(container.id, true);
  });

  it('removing a running container without force is a CONFLICT carrying the engine message', async () => {
    const container = await docker.createContainer({
      Image: harness().busyboxImage,
      Cmd: ['sleep', '3600'],
      Labels: { [TEST_LABEL]: '1' },
      StopTimeout: 1,
    });
    await service.start(container.id);
    const info = toErrorInfo(await service.remove(container.id).catch((error: unknown) => error));
    expect(info.code).toBe('CONFLICT');
    expect(info.message).toMatch(/running container/i);
    await service.remove(container.id, true);
  });

  it.each([
    ['start', () => service.start('berth-no-such-container')],
    ['stop', () => service.stop('berth-no-such-container', 1)],
    ['remove', () => service.remove('berth-no-such-container', true)],
  ])('%s of a missing container is NOT_FOUND with the engine message', async (_action, act) => {
    const error = await act().then(
      () => new Error('expected a failure'),
      (failure: unknown) => failure,
    );
    const info = toErrorInfo(error);
    expect(info.code).toBe('NOT_FOUND');
    expect(info.message).toContain('No such container: berth-no-such-container');
  });
});
