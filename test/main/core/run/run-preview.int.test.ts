// The docker-run preview is exact: a container Berth creates from a spec and one the real docker CLI creates
// from dockerRunCommand(spec) have the same configuration, field by field.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dockerRunCommand } from '../../../../main/shared/docker-run-command';
import { emptyRunSpec, exposedPortsOn } from '../../../../main/shared/run-spec';
import type { RunSpec } from '../../../../main/shared/run-types';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { harness } from '../../../harness/context';
import { uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from './run-fixture';

const MiB = 1024 * 1024;
let t: TestCore;
let bindSource: string;
const suffix = uniqueSuffix();
const volume = `berth-int-preview-${suffix}`;

/** Runs the preview line as a user would paste it: through a shell, with the harness engine as DOCKER_HOST. */
function runInShell(command: string, dockerConfig: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DOCKER_HOST: harness().dockerHost,
      DOCKER_CONFIG: dockerConfig,
    };
    execFile('sh', ['-c', command], { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command}\nfailed: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** What must agree between the two containers (names and ids differ by design). */
function comparable(inspect: Dockerode.ContainerInspectInfo) {
  const host = inspect.HostConfig as Dockerode.HostConfig & { NanoCpus?: number };
  return {
    image: inspect.Config.Image,
    // Sorted: the docker CLI does not always keep the order of -e flags, and order does not matter to a process.
    env: [...(inspect.Config.Env ?? [])].sort(),
    cmd: inspect.Config.Cmd,
    entrypoint: inspect.Config.Entrypoint,
    labels: inspect.Config.Labels,
    exposedPorts: inspect.Config.ExposedPorts,
    portBindings: host.PortBindings,
    publishAll: host.PublishAllPorts,
    mounts: host.Mounts,
    networkMode: host.NetworkMode,
    restartPolicy: host.RestartPolicy,
    nanoCpus: host.NanoCpus,
    cpuShares: host.CpuShares,
    cpusetCpus: host.CpusetCpus,
    memory: host.Memory,
    memoryReservation: host.MemoryReservation,
    memorySwap: host.MemorySwap,
    pidsLimit: host.PidsLimit,
  };
}

beforeAll(async () => {
  t = await startTestCore();
  bindSource = await mkdtemp(join(tmpdir(), 'berth-preview-bind-'));
});

afterEach(async () => {
  await removeTestContainers(t.docker);
});

afterAll(async () => {
  if (!t) return;
  await t.docker
    .getVolume(volume)
    .remove()
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
  await rm(bindSource, { recursive: true, force: true });
  await t.close();
});

const specs: Array<[string, () => RunSpec]> = [
  [
    'everything set, a two-part entrypoint and quoting traps',
    () => ({
      ...emptyRunSpec(harness().busyboxImage),
      entrypoint: ['/bin/sh', '-c'],
      command: ['trap "exit 0" TERM; echo "$GREETING" \'$HOME\'; sleep 3600 & wait'],
      env: [
        { key: 'GREETING', value: "it's a test, with `ticks` and $dollars" },
        { key: 'EMPTY', value: '' },
      ],
      ports: [
        { containerPort: 8080, protocol: 'tcp', hostPort: 20000 + Math.floor(Math.random() * 20000), hostIp: null },
        { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: '127.0.0.1' },
      ],
      mounts: [
        { type: 'bind', source: bindSource, target: '/data', readOnly: true },
        { type: 'volume', source: volume, target: '/cache', readOnly: false },
      ],
      network: 'bridge',
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      labels: [
        { key: TEST_LABEL, value: '1' },
        { key: 'com.example.note', value: 'a b, "c"' },
      ],
      limits: {
        cpus: 0.5,
        cpuShares: 512,
        cpusetCpus: '0',
        memoryBytes: 64 * MiB,
        memoryReservationBytes: 32 * MiB,
        memorySwapBytes: 128 * MiB,
        pidsLimit: 100,
      },
    }),
  ],
  [
    'publish all, unlimited swap beside memory, image entrypoint kept',
    () => ({
      ...emptyRunSpec(harness().busyboxImage),
      command: ['sleep', '3600'],
      publishAll: true,
      ports: [{ containerPort: 9000, protocol: 'tcp', hostPort: null, hostIp: null }],
      restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 },
      labels: [{ key: TEST_LABEL, value: '1' }],
      limits: { memoryBytes: 48 * MiB, memorySwapBytes: null, cpus: 1.25 },
    }),
  ],
  [
    'ports as one-click Run and the dialog publish them: on 127.0.0.1 by default, on 0.0.0.0 when chosen',
    () => ({
      ...emptyRunSpec(harness().busyboxImage),
      command: ['sleep', '3600'],
      ports: [
        ...exposedPortsOn(['9000/tcp', '9001/udp'], 'loopback'),
        ...exposedPortsOn(['9002/tcp'], 'all'),
        {
          containerPort: 9003,
          protocol: 'tcp',
          hostPort: 20000 + Math.floor(Math.random() * 20000),
          hostIp: '127.0.0.1',
        },
      ],
      labels: [{ key: TEST_LABEL, value: '1' }],
      limits: { memoryBytes: 32 * MiB, cpus: 0.5 },
    }),
  ],
];

describe('dockerRunCommand against the real docker CLI', () => {
  it.each(specs)('%s', async (_what, makeSpec) => {
    const spec = makeSpec();
    // One at a time: a fixed host port can be bound by only one of them.
    const [fromBerth] = await t.call('containers:run', { spec: { ...spec, name: `berth-preview-api-${suffix}` } });
    const apiInspect = await t.docker.getContainer(fromBerth!.id).inspect();
    await t.docker.getContainer(fromBerth!.id).remove({ force: true });

    const command = dockerRunCommand({ ...spec, name: `berth-preview-cli-${suffix}` }, { program: '/usr/bin/docker' });
    const cliId = await runInShell(command, t.configDir);
    const cliInspect = await t.docker.getContainer(cliId).inspect();

    expect(cliInspect.State.Running).toBe(true);
    expect(comparable(apiInspect)).toEqual(comparable(cliInspect));
    expect(apiInspect.Name).toBe(`/berth-preview-api-${suffix}`);
    // Not a comparison of two empty sets: the spec's settings are there.
    const compared = comparable(apiInspect);
    expect(compared.memory).toBe(spec.limits.memoryBytes);
    expect(compared.nanoCpus).toBe(Math.round((spec.limits.cpus ?? 0) * 1e9));
    expect(compared.env).toEqual(expect.arrayContaining(spec.env.map(({ key, value }) => `${key}=${value}`)));
    expect(Object.keys(compared.portBindings ?? {})).toHaveLength(spec.ports.length);
    expect(compared.mounts ?? []).toHaveLength(spec.mounts.length);
    expect(compared.restartPolicy?.Name).toBe(spec.restartPolicy.name);
    // Each address the spec names is where the engine bound the port, for both containers.
    for (const port of spec.ports) {
      const key = `${port.containerPort}/${port.protocol}`;
      for (const inspect of [apiInspect, cliInspect]) {
        expect(inspect.NetworkSettings.Ports[key]?.map((binding) => binding.HostIp)).toEqual(
          port.hostIp === null ? expect.any(Array) : [port.hostIp],
        );
      }
    }
  });
});
