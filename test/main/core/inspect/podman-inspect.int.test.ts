// The inspect service against a private Podman service (its Docker-compatible API): the readable sections,
// top with both PIDs from Podman's own descriptors (its default runs ps inside the container), and changes.
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { InspectService } from '../../../../main/core/inspect/inspect-service';
import { silentLogger } from '../../../../main/core/logger';
import { harness } from '../../../harness/context';
import { TEST_LABEL } from '../../../harness/containers';
import { PrivatePodman } from '../../../harness/private-podman';

let podman: PrivatePodman;
let docker: Dockerode;
let connection: EngineConnection;
let service: InspectService;
let id: string;

beforeAll(async () => {
  podman = await PrivatePodman.start();
  docker = podman.docker();
  await podman.loadImageFrom(new Dockerode({ socketPath: harness().socketPath }), harness().busyboxImage);
  connection = new EngineConnection({
    discover: () => discoverEngine({ env: { DOCKER_HOST: podman.dockerHost } }),
    log: silentLogger,
    // Podman's /info runs conmon and runc for their versions: slow on a loaded 2-core machine.
    requestTimeoutMs: 30_000,
  });
  const status = await connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[podman-test] engine not connected: ${JSON.stringify(status)}`);
  service = new InspectService({ connection });
  const container = await docker.createContainer({
    Image: harness().busyboxImage,
    name: `berth-podman-inspect-${Date.now()}`,
    Cmd: ['sh', '-c', 'mkdir /work && echo hi > /work/written.txt && exec sleep 3600'],
    Env: ['DB_PASSWORD=x'],
    Labels: { [TEST_LABEL]: '1' },
    HostConfig: podman.hostConfig({}),
    StopTimeout: 1,
  });
  await container.start();
  id = container.id;
}, 120_000);

afterAll(async () => {
  await connection?.stop();
  await podman?.destroy();
}, 60_000);

describe('inspect on Podman', () => {
  it('reads the readable sections', async () => {
    const view = await service.inspect(id);
    expect(view.id).toBe(id);
    expect(view.state.running).toBe(true);
    expect(view.env).toEqual(expect.arrayContaining([{ key: 'DB_PASSWORD', value: 'x' }]));
  });

  it('asks Podman for both PIDs: PID 1 inside is the engine’s State.Pid', async () => {
    const top = await service.top(id);
    const hostPid = (await docker.getContainer(id).inspect()).State.Pid;
    expect(top.processes.length).toBeGreaterThan(0);
    expect(top.containerPidsUnavailable).toBeNull();
    expect(top.processes.find((each) => each.containerPid === 1)?.hostPid).toBe(hostPid);
    expect(top.titles).toContain('PPID (inside)');
    expect(top.titles).not.toContain('PID');
    expect(top.titles).not.toContain('HPID');
  });

  it('lists the file the container wrote', async () => {
    await expect
      .poll(async () => (await service.changes(id)).changes, { timeout: 30_000 })
      .toEqual(expect.arrayContaining([{ path: '/work/written.txt', kind: 'A' }]));
  });
});
