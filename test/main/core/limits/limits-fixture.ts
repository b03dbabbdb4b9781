// Test helper for the limits integration tests: a LimitsService on the harness engine whose client counts
// every update call (to prove that refused changes never reach the engine), test containers, and reading a
// container's cgroup v1 files the way an operator would, independently of the code under test; and the
// setup every limits suite shares (limitsSuite).
import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, expect } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { dockerOptionsFor } from '../../../../main/core/connection/docker-options';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import type { Logger } from '../../../../main/core/logger';
import { LimitsService } from '../../../../main/core/limits/limits-service';
import { BerthError } from '../../../../main/shared/errors';
import type { LimitsCapabilities, LimitsChange } from '../../../../main/shared/limits-types';
import type { StatsHistory } from '../../../../main/shared/stats-types';
import { harness } from '../../../harness/context';
import { removeTestContainers, runTestContainer } from '../../../harness/containers';

export const MiB = 1024 ** 2;
export const KERNEL_UNLIMITED = '9223372036854771712';

export interface LimitsFixture {
  service: LimitsService;
  connection: EngineConnection;
  docker: Dockerode;
  /** Every update call that reached the engine client, in order. */
  updates: Array<{ id: string; payload: Record<string, unknown> }>;
  /** Warnings and errors the service logged. */
  problems: string[];
}

/** A client whose containers record their update calls before sending them. */
function spyingClient(options: Dockerode.DockerOptions, updates: LimitsFixture['updates']): Dockerode {
  const docker = new Dockerode(options);
  const getContainer = docker.getContainer.bind(docker);
  docker.getContainer = (id: string) => {
    const container = getContainer(id);
    const update = container.update.bind(container) as (payload: object) => Promise<unknown>;
    container.update = ((payload: Record<string, unknown>) => {
      updates.push({ id, payload });
      return update(payload);
    }) as typeof container.update;
    return container;
  };
  return docker;
}

export async function createFixture(history?: (id: string, seconds?: number) => StatsHistory): Promise<LimitsFixture> {
  const updates: LimitsFixture['updates'] = [];
  const problems: string[] = [];
  const log: Logger = {
    info: () => undefined,
    warn: (message) => problems.push(message),
    error: (message, error) => problems.push(`${message} ${String(error)}`),
  };
  const connection = new EngineConnection({
    discover: () => discoverEngine({ env: { DOCKER_HOST: harness().dockerHost } }),
    log,
    createClient: (target) => spyingClient(dockerOptionsFor(target), updates),
  });
  const status = await connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[limits-test] engine not connected: ${JSON.stringify(status)}`);
  const stats = {
    history:
      history ??
      ((id: string) => {
        throw new BerthError('NOT_FOUND', `no stats history for ${id} in this test`);
      }),
    // No stats service collects in these tests: nothing to refresh.
    refreshLimits: async () => undefined,
  };
  const service = new LimitsService({ connection, stats, log });
  return { service, connection, docker: new Dockerode({ socketPath: harness().socketPath }), updates, problems };
}

export async function runContainer(
  docker: Dockerode,
  name: string,
  cmd: string,
  hostConfig: Dockerode.HostConfig & { NanoCpus?: number } = {},
): Promise<string> {
  const options = {
    image: harness().busyboxImage,
    name: `berth-limits-${name}-${Date.now()}`,
    cmd: ['sh', '-c', cmd],
    hostConfig,
  };
  return (await runTestContainer(docker, options)).id;
}

export async function hostConfigOf(docker: Dockerode, id: string): Promise<Record<string, unknown>> {
  return (await docker.getContainer(id).inspect()).HostConfig as unknown as Record<string, unknown>;
}

/** `/sys/fs/cgroup/<controller>/<path from /proc/<pid>/cgroup>/<file>`, trimmed. */
export async function cgroupFile(docker: Dockerode, id: string, controller: string, file: string): Promise<string> {
  const pid = (await docker.getContainer(id).inspect()).State.Pid;
  const line = readFileSync(`/proc/${pid}/cgroup`, 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((parts) => parts.length >= 3 && parts[1].split(',').includes(controller));
  if (!line) throw new Error(`[limits-test] container ${id.slice(0, 12)} has no ${controller} cgroup`);
  const path = line.slice(2).join(':');
  if (!path.includes(id))
    throw new Error(`[limits-test] the ${controller} cgroup ${path} does not name ${id.slice(0, 12)}`);
  return readFileSync(`/sys/fs/cgroup/${controller}${path}/${file}`, 'utf8').trim();
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies a change and checks it took exactly one engine update call. */
export async function applyOnce(f: LimitsFixture, id: string, change: LimitsChange, ack = false) {
  const before = f.updates.length;
  const result = await f.service.apply(id, change, ack);
  expect(f.updates.length - before).toBe(1);
  return result;
}

/** The BerthError a call fails with (the test fails if it succeeds or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<BerthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BerthError);
  return error as BerthError;
}

/** A suite's fixture, with the engine's capabilities as a probe container reports them. */
export type SuiteFixture = LimitsFixture & { caps: LimitsCapabilities };

/**
 * Registers the hooks every limits suite needs (a fixture before its tests, its containers removed after) and
 * returns the fixture with shortcuts bound to it. The fixture object exists at once and is filled in by
 * beforeAll, so suites can take it at the top level.
 */
export function limitsSuite() {
  const f = {} as SuiteFixture;
  beforeAll(async () => {
    Object.assign(f, await createFixture());
    const probe = await runContainer(f.docker, 'probe', 'sleep 3600');
    f.caps = (await f.service.get(probe)).capabilities;
  });
  afterAll(async () => {
    f.service?.dispose();
    await f.connection?.stop();
    if (f.docker) await removeTestContainers(f.docker);
  });
  return {
    f,
    idle: (name: string, hostConfig = {}) => runContainer(f.docker, name, 'sleep 3600', hostConfig),
    file: (id: string, controller: string, name: string) => cgroupFile(f.docker, id, controller, name),
    config: (id: string) => hostConfigOf(f.docker, id),
    applyOnce: (id: string, change: LimitsChange, ack = false) => applyOnce(f, id, change, ack),
  };
}
