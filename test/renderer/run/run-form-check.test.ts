import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../main/shared/errors';
import type { LimitsCapabilities } from '../../../main/shared/limits-types';
import { emptyRunSpec } from '../../../main/shared/run-spec';
import { engineCapabilities } from '../../../renderer/src/run/engine-capabilities';
import { isIpAddress } from '../../../renderer/src/run/ip-address';
import { initialRunForm, mergeEnv, type RunForm } from '../../../renderer/src/run/run-form';
import { describeRunError } from '../../../renderer/src/run/run-errors';
import { checkRunForm, limitsProfile } from '../../../renderer/src/run/run-form-check';
import { problemsPerTab } from '../../../renderer/src/run/run-tabs';

const MiB = 1024 * 1024;
const caps: LimitsCapabilities = {
  engineCpus: 4,
  cores: [0, 1, 2, 3],
  engineMemoryBytes: 8192 * MiB,
  swapLimitSupported: true,
  fixed: [],
};

function form(patch: Partial<RunForm> = {}): RunForm {
  return { ...initialRunForm('busybox:latest', {}), ...patch };
}

describe('checkRunForm', () => {
  it('maps a plain form to a spec that keeps the image defaults', () => {
    const check = checkRunForm(form(), caps);
    expect(check.count).toBe(0);
    expect(check.spec).toEqual(emptyRunSpec('busybox:latest'));
  });

  it('splits command and entrypoint, keeps env and labels, and maps ports and mounts', () => {
    const check = checkRunForm(
      form({
        name: ' web ',
        command: `sh -c 'sleep 3600'`,
        entrypoint: '/bin/env',
        env: [
          { id: 1, key: 'A', value: '1' },
          { id: 2, key: '', value: '' },
        ],
        labels: [{ id: 3, key: 'berth.test', value: '1' }],
        ports: [
          { id: 4, containerPort: '80', protocol: 'tcp', hostPort: '', hostIp: '' },
          { id: 5, containerPort: '53', protocol: 'udp', hostPort: '5353', hostIp: '127.0.0.1' },
        ],
        mounts: [{ id: 6, type: 'bind', source: '/srv', target: '/data', readOnly: true }],
        network: 'backend',
        publishAll: true,
      }),
      caps,
    );
    expect(check.spec).toMatchObject({
      name: 'web',
      command: ['sh', '-c', 'sleep 3600'],
      entrypoint: ['/bin/env'],
      env: [{ key: 'A', value: '1' }],
      labels: [{ key: 'berth.test', value: '1' }],
      ports: [
        { containerPort: 80, protocol: 'tcp', hostPort: null, hostIp: '127.0.0.1' },
        { containerPort: 53, protocol: 'udp', hostPort: 5353, hostIp: '127.0.0.1' },
      ],
      mounts: [{ type: 'bind', source: '/srv', target: '/data', readOnly: true }],
      network: 'backend',
      // "Publish all" is sent as explicit ports (none here: the image's ports are not known in this call).
      publishAll: false,
    });
  });

  it('publishes on 127.0.0.1 by default and on 0.0.0.0 when all interfaces are chosen; a row keeps its own address', () => {
    const ports = [
      { id: 11, containerPort: '80', protocol: 'tcp' as const, hostPort: '', hostIp: '' },
      { id: 12, containerPort: '81', protocol: 'tcp' as const, hostPort: '8081', hostIp: '10.0.0.5' },
    ];
    expect(form().publishInterface).toBe('loopback');
    expect(checkRunForm(form({ ports }), caps).spec?.ports.map((port) => port.hostIp)).toEqual([
      '127.0.0.1',
      '10.0.0.5',
    ]);
    expect(checkRunForm(form({ ports, publishInterface: 'all' }), caps).spec?.ports.map((port) => port.hostIp)).toEqual(
      ['0.0.0.0', '10.0.0.5'],
    );
    expect(initialRunForm('x', {}, 'all').publishInterface).toBe('all');
  });

  it('turns "publish all" into one port per EXPOSEd port on the chosen address, waits while they are read, and says when they cannot be', () => {
    const row = [{ id: 13, containerPort: '8080', protocol: 'tcp' as const, hostPort: '18080', hostIp: '' }];
    const known = checkRunForm(form({ publishAll: true, ports: row }), caps, {
      state: 'known',
      ports: ['8080/tcp', '53/udp'],
    });
    expect(known.spec).toMatchObject({
      publishAll: false,
      ports: [
        { containerPort: 8080, protocol: 'tcp', hostPort: 18080, hostIp: '127.0.0.1' },
        { containerPort: 53, protocol: 'udp', hostPort: null, hostIp: '127.0.0.1' },
      ],
    });
    const everywhere = checkRunForm(form({ publishAll: true, publishInterface: 'all' }), caps, {
      state: 'known',
      ports: ['8080/tcp'],
    });
    expect(everywhere.spec?.ports).toEqual([
      { containerPort: 8080, protocol: 'tcp', hostPort: null, hostIp: '0.0.0.0' },
    ]);
    const loading = checkRunForm(form({ publishAll: true }), caps, { state: 'loading' });
    expect(loading).toMatchObject({ spec: null, count: 0, pending: true });
    const unknown = checkRunForm(form({ publishAll: true }), caps, { state: 'unknown', message: 'Pull it first.' });
    expect(unknown).toMatchObject({ spec: null, count: 1, problems: { 'ports:publishAll': 'Pull it first.' } });
    expect(problemsPerTab(unknown).ports).toBe(1);
  });

  it('sends only the limits that are set, and the restart policy on its own', () => {
    const limits = {
      ...form().limits,
      memoryBytes: 64 * MiB,
      cpus: 0.5,
      restartPolicy: { name: 'on-failure' as const, maximumRetryCount: 3 },
    };
    const check = checkRunForm(form({ limits }), caps);
    expect(check.spec?.limits).toEqual({ cpus: 0.5, memoryBytes: 64 * MiB });
    expect(check.spec?.restartPolicy).toEqual({ name: 'on-failure', maximumRetryCount: 3 });
  });

  it('starts from the default limit profile', () => {
    expect(initialRunForm('x', { memoryBytes: 256 * MiB, pidsLimit: 100 }).limits).toMatchObject({
      memoryBytes: 256 * MiB,
      pidsLimit: 100,
      cpus: null,
    });
  });

  it('names the problems of each field and gives no spec', () => {
    const check = checkRunForm(
      form({
        image: ' ',
        name: '-bad',
        command: `echo 'open`,
        replicas: Number.NaN,
        env: [{ id: 1, key: '', value: 'orphan' }],
        ports: [
          { id: 2, containerPort: '70000', protocol: 'tcp', hostPort: 'x', hostIp: '300.1.1.1' },
          { id: 3, containerPort: '80', protocol: 'tcp', hostPort: '8080', hostIp: '' },
          { id: 4, containerPort: '81', protocol: 'tcp', hostPort: '8080', hostIp: '' },
        ],
        mounts: [
          { id: 5, type: 'volume', source: 'data', target: 'relative', readOnly: false },
          { id: 6, type: 'bind', source: 'relative', target: '', readOnly: false },
        ],
      }),
      caps,
    );
    expect(check.spec).toBeNull();
    expect(Object.keys(check.problems).sort()).toEqual(
      [
        'image',
        'name',
        'command',
        'replicas',
        'env:1:key',
        'ports:2:containerPort',
        'ports:2:hostPort',
        'ports:2:hostIp',
        'ports:4:hostPort',
        'mounts:5:target',
        'mounts:6:source',
        'mounts:6:target',
      ].sort(),
    );
    expect(check.problems['ports:4:hostPort']).toBe('Host port 8080/tcp is already published by another row.');
    expect(check.count).toBe(12);
  });

  it('checks the longest replica name', () => {
    const name = 'a'.repeat(127);
    expect(checkRunForm(form({ name }), caps).problems.name).toBeUndefined();
    expect(checkRunForm(form({ name, replicas: 3 }), caps).problems.name).toContain('too long');
    expect(checkRunForm(form({ replicas: 51 }), caps).problems.replicas).toBe('Run 1 to 50 replicas.');
    const ports = [{ id: 9, containerPort: '80', protocol: 'tcp' as const, hostPort: '65534', hostIp: '' }];
    expect(checkRunForm(form({ ports, replicas: 2 }), caps).problems['ports:9:hostPort']).toBeUndefined();
    expect(checkRunForm(form({ ports, replicas: 3 }), caps).problems['ports:9:hostPort']).toBe(
      '3 replicas publish host ports 65534 to 65536: pick a port at most 65533.',
    );
  });

  it('applies the shared limit rules', () => {
    const check = checkRunForm(form({ limits: { ...form().limits, memoryBytes: 2 * MiB, cpus: 8 } }), caps);
    expect(check.limitProblems.map((p) => p.field).sort()).toEqual(['cpus', 'memoryBytes']);
    expect(check.limitProblems.find((p) => p.field === 'memoryBytes')?.message).toBe(
      "The memory limit must be at least 6 MiB (the engine's minimum), or unlimited.",
    );
    expect(check.spec).toBeNull();
  });
});

describe('limitsProfile', () => {
  it('keeps set limits and a restart policy other than no', () => {
    const limits = { ...form().limits, pidsLimit: 50 };
    expect(limitsProfile(limits)).toEqual({ pidsLimit: 50 });
    expect(limitsProfile({ ...limits, restartPolicy: { name: 'always', maximumRetryCount: 0 } })).toEqual({
      pidsLimit: 50,
      restartPolicy: { name: 'always', maximumRetryCount: 0 },
    });
  });
});

describe('mergeEnv', () => {
  it('updates keys already there, adds new ones and drops blank rows', () => {
    const rows = [
      { id: 1, key: 'A', value: 'old' },
      { id: 2, key: '', value: '' },
    ];
    const merged = mergeEnv(rows, [
      { key: 'A', value: 'new' },
      { key: 'B', value: '2' },
    ]);
    expect(merged.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'A', value: 'new' },
      { key: 'B', value: '2' },
    ]);
    expect(merged[0].id).toBe(1);
  });
});

describe('isIpAddress', () => {
  it('accepts IPv4 and IPv6 and refuses the rest', () => {
    for (const ip of ['127.0.0.1', '0.0.0.0', '::', '::1', 'fe80::1', '2001:db8:0:0:0:0:0:1', '::ffff:10.0.0.1'])
      expect(isIpAddress(ip), ip).toBe(true);
    for (const ip of [
      '256.0.0.1',
      '1.2.3',
      '01.2.3.4',
      'localhost',
      '1::2::3',
      '12345::',
      'fe80::1%eth0',
      '1:2:3:4:5:6:7:8:9',
    ])
      expect(isIpAddress(ip), ip).toBe(false);
  });
});

describe('engineCapabilities', () => {
  it('derives the engine-wide capabilities from a connected status', () => {
    const status = {
      state: 'connected',
      since: 0,
      endpoint: { host: 'unix:///x', source: 'DOCKER_HOST' },
      info: { cpus: 2, memoryBytes: 1024 * MiB },
    } as never;
    expect(engineCapabilities(status)).toEqual({
      engineCpus: 2,
      cores: [0, 1],
      engineMemoryBytes: 1024 * MiB,
      swapLimitSupported: true,
      fixed: [],
    });
    expect(engineCapabilities(undefined)).toBeNull();
  });
});

describe('problemsPerTab', () => {
  it('counts problems by the tab that holds their field', () => {
    const counts = problemsPerTab({
      problems: { name: 'x', 'env:1:key': 'x', 'mounts:2:target': 'x', 'mounts:3:source': 'x' },
      limitProblems: [{ field: 'cpus', message: 'x' }],
    });
    expect(counts).toEqual({ general: 1, env: 1, ports: 0, storage: 2, labels: 0, limits: 1 });
  });
});

describe('describeRunError', () => {
  it('titles the core error codes in plain words and keeps the core message', () => {
    expect(describeRunError(new BerthError('CONFLICT', 'The name web is in use by 1a2b.'))).toEqual({
      title: 'The name is already in use',
      message: 'The name web is in use by 1a2b.',
      tab: 'general',
    });
    expect(describeRunError(new BerthError('INVALID_LIMITS', 'Too little memory.'))).toMatchObject({
      tab: 'limits',
      message: 'Too little memory.',
    });
    expect(describeRunError(new Error('boom')).title).toBe('Could not run the container');
  });
});
