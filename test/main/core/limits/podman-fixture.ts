// Test helper for the Podman limits suite: a private Podman service (test/harness/private-podman.ts) with the
// harness's busybox image loaded from the private dockerd, an engine connection and a LimitsService on it
// whose client records every update it sends by either route (Docker's `/containers/{id}/update`, libpod's
// `/libpod/containers/{id}/update`), and containers that can start on these machines.
import Dockerode from 'dockerode';
import { afterAll, beforeAll } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { dockerOptionsFor } from '../../../../main/core/connection/docker-options';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import type { Logger } from '../../../../main/core/logger';
import { LimitsService } from '../../../../main/core/limits/limits-service';
import { BerthError } from '../../../../main/shared/errors';
import { harness } from '../../../harness/context';
import { TEST_LABEL } from '../../../harness/containers';
import { PrivatePodman } from '../../../harness/private-podman';

export interface PodmanFixture {
  podman: PrivatePodman;
  docker: Dockerode;
  connection: EngineConnection;
  service: LimitsService;
  /** Every update request the service's client sent, by path. */
  updates: Array<{ path: string; body: unknown }>;
  problems: string[];
  /** The busybox image as this Podman names it. */
  image: string;
}

/** A client that records each update request (either route) before sending it. */
function recordingClient(options: Dockerode.DockerOptions, updates: PodmanFixture['updates']): Dockerode {
  const docker = new Dockerode(options);
  const dial = docker.modem.dial.bind(docker.modem) as (
    options: { path: string; options?: unknown },
    callback: unknown,
  ) => unknown;
  docker.modem.dial = ((request: { path: string; options?: unknown }, callback: unknown) => {
    if (/\/update(\?|$)/.test(request.path))
      updates.push({ path: request.path, body: structuredClone(request.options) });
    return dial(request, callback);
  }) as typeof docker.modem.dial;
  return docker;
}

/** Registers the hooks (Podman started and torn down around the file) and returns the fixture, filled in by beforeAll. */
export function podmanSuite(): PodmanFixture {
  const f = { updates: [], problems: [] } as unknown as PodmanFixture;
  beforeAll(async () => {
    f.podman = await PrivatePodman.start();
    f.docker = f.podman.docker();
    await f.podman.loadImageFrom(new Dockerode({ socketPath: harness().socketPath }), harness().busyboxImage);
    f.image = harness().busyboxImage;
    const log: Logger = {
      info: () => undefined,
      warn: (message) => f.problems.push(message),
      error: (message, error) => f.problems.push(`${message} ${String(error)}`),
    };
    f.connection = new EngineConnection({
      discover: () => discoverEngine({ env: { DOCKER_HOST: f.podman.dockerHost } }),
      log,
      createClient: (target) => recordingClient(dockerOptionsFor(target), f.updates),
      // Podman's /info and /version run conmon and runc to report their versions: 2-4 s each on a loaded
      // 2-core machine, close to the default 5 s.
      requestTimeoutMs: 30_000,
    });
    const status = await f.connection.reconnect();
    if (status.state !== 'connected') throw new Error(`[podman-test] engine not connected: ${JSON.stringify(status)}`);
    const stats = {
      history: (id: string) => {
        throw new BerthError('NOT_FOUND', `no stats history for ${id} in this test`);
      },
      refreshLimits: async () => undefined,
    };
    f.service = new LimitsService({ connection: f.connection, stats, log });
  }, 120_000);
  afterAll(async () => {
    f.service?.dispose();
    await f.connection?.stop();
    await f.podman?.destroy();
  }, 60_000);
  return f;
}

/** Creates and starts a labelled container on the Podman service; its id. */
export async function runOnPodman(
  f: PodmanFixture,
  name: string,
  cmd: string,
  limits: Dockerode.HostConfig = {},
): Promise<string> {
  const container = await f.docker.createContainer({
    Image: f.image,
    name: `berth-podman-${name}-${Date.now()}`,
    Cmd: ['sh', '-c', cmd],
    Labels: { [TEST_LABEL]: '1' },
    HostConfig: f.podman.hostConfig(limits),
    StopTimeout: 1,
  });
  await container.start();
  return container.id;
}
