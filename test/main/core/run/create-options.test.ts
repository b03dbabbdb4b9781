// RunSpec → the engine's create request, field for field what `docker run` sends for the same flags.
import { describe, expect, it } from 'vitest';
import { createOptions } from '../../../../main/core/run/create-options';
import { emptyRunSpec } from '../../../../main/shared/run-spec';
import type { RunSpec } from '../../../../main/shared/run-types';

const spec = (patch: Partial<RunSpec> = {}): RunSpec => ({ ...emptyRunSpec('web:1'), ...patch });

describe('createOptions', () => {
  it('keeps the image defaults for an empty spec', () => {
    expect(createOptions(spec(), 'web-ab12')).toEqual({
      name: 'web-ab12',
      Image: 'web:1',
      Env: [],
      Labels: {},
      HostConfig: { PublishAllPorts: false, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } },
    });
  });

  it('maps env, labels, ports, mounts, network, restart and every limit', () => {
    const options = createOptions(
      spec({
        env: [{ key: 'A', value: '1=2' }],
        labels: [{ key: 'team', value: 'x' }],
        publishAll: true,
        ports: [
          { containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: null },
          { containerPort: 80, protocol: 'tcp', hostPort: 8081, hostIp: '127.0.0.1' },
          { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: null },
        ],
        mounts: [{ type: 'bind', source: '/srv', target: '/data', readOnly: true }],
        network: 'backend',
        restartPolicy: { name: 'on-failure', maximumRetryCount: 2 },
        limits: {
          cpus: 0.5,
          cpuShares: 512,
          cpusetCpus: '0',
          memoryBytes: 64 * 1024 ** 2,
          memoryReservationBytes: 32 * 1024 ** 2,
          memorySwapBytes: null,
          pidsLimit: 50,
        },
      }),
      'n',
    );
    expect(options).toMatchObject({
      Env: ['A=1=2'],
      Labels: { team: 'x' },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        PublishAllPorts: true,
        PortBindings: {
          '80/tcp': [
            { HostIp: '', HostPort: '8080' },
            { HostIp: '127.0.0.1', HostPort: '8081' },
          ],
          '53/udp': [{ HostIp: '', HostPort: '' }],
        },
        Mounts: [{ Type: 'bind', Source: '/srv', Target: '/data', ReadOnly: true }],
        NetworkMode: 'backend',
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
        NanoCpus: 500_000_000,
        CpuShares: 512,
        CpusetCpus: '0',
        Memory: 64 * 1024 ** 2,
        MemoryReservation: 32 * 1024 ** 2,
        MemorySwap: -1,
        PidsLimit: 50,
      },
    });
    expect(options.Entrypoint).toBeUndefined();
    expect(options.Cmd).toBeUndefined();
  });

  it('splits a longer entrypoint exactly as the docker-run preview must', () => {
    expect(createOptions(spec({ entrypoint: ['/bin/sh', '-c'], command: ['echo hi'] }), 'n')).toMatchObject({
      Entrypoint: ['/bin/sh'],
      Cmd: ['-c', 'echo hi'],
    });
    expect(createOptions(spec({ command: ['sleep', '5'] }), 'n')).toMatchObject({ Cmd: ['sleep', '5'] });
    expect(createOptions(spec({ entrypoint: [] }), 'n').Entrypoint).toEqual(['']);
  });

  it('sends no retry count with a policy other than on-failure', () => {
    expect(
      createOptions(spec({ restartPolicy: { name: 'always', maximumRetryCount: 5 } }), 'n').HostConfig.RestartPolicy,
    ).toEqual({ Name: 'always', MaximumRetryCount: 0 });
  });
});
