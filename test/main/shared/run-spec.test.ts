// Run spec helpers: presets from an image, the creation limit rule and replica specs.
import { describe, expect, it } from 'vitest';
import {
  creationLimits,
  emptyRunSpec,
  exposedPortsOn,
  portFromExposed,
  replicaLabels,
  replicaSpec,
  runSpecFromImage,
} from '../../../main/shared/run-spec';

describe('run spec helpers', () => {
  it('presets the ports an image EXPOSEs, to engine-chosen host ports', () => {
    expect(runSpecFromImage('web', { exposedPorts: ['8080/tcp', '53/udp', 'junk'] }).ports).toEqual([
      { containerPort: 8080, protocol: 'tcp', hostPort: null, hostIp: null },
      { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: null },
    ]);
    expect(portFromExposed('70000/tcp')).toBeNull();
  });

  it('publishes EXPOSEd ports on 127.0.0.1 or 0.0.0.0 explicitly, once each, leaving ports taken by rows alone', () => {
    expect(exposedPortsOn(['8080/tcp', '53/udp', 'junk', '8080'], 'loopback')).toEqual([
      { containerPort: 8080, protocol: 'tcp', hostPort: null, hostIp: '127.0.0.1' },
      { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: '127.0.0.1' },
    ]);
    expect(exposedPortsOn(['8080/tcp', '53/udp'], 'all', new Set(['8080/tcp']))).toEqual([
      { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: '0.0.0.0' },
    ]);
  });

  it('maps limits to create fields: null leaves unset, except swap beside memory', () => {
    expect(creationLimits({})).toEqual({});
    expect(creationLimits({ cpus: 0.5, memoryBytes: 10_000_000, memorySwapBytes: null, pidsLimit: null })).toEqual({
      nanoCpus: 500_000_000,
      memory: 10_000_000,
      memorySwap: -1,
    });
    expect(creationLimits({ memorySwapBytes: null })).toEqual({});
    expect(creationLimits({ cpus: 0.1 + 0.2 }).nanoCpus).toBe(300_000_000);
  });

  it('names replicas, shifts fixed host ports and stores the spec with the base name', () => {
    const spec = {
      ...emptyRunSpec('web'),
      ports: [
        { containerPort: 80, protocol: 'tcp' as const, hostPort: 8080, hostIp: null },
        { containerPort: 81, protocol: 'tcp' as const, hostPort: null, hostIp: null },
      ],
      labels: [
        { key: 'team', value: 'a' },
        { key: replicaLabels.index, value: 'stale' },
      ],
    };
    const third = replicaSpec(spec, 'web-ab12', 3);
    expect(third.name).toBe('web-ab12-3');
    expect(third.ports.map((port) => port.hostPort)).toEqual([8082, null]);
    const labels = Object.fromEntries(third.labels.map(({ key, value }) => [key, value]));
    expect(labels).toMatchObject({ team: 'a', [replicaLabels.group]: 'web-ab12', [replicaLabels.index]: '3' });
    const stored = JSON.parse(labels[replicaLabels.spec]!);
    expect(stored).toMatchObject({ name: 'web-ab12', labels: [{ key: 'team', value: 'a' }] });
    expect(stored.ports[0].hostPort).toBe(8080);
  });
});
