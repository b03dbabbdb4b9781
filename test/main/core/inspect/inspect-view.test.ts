// The readable sections taken from an engine's inspect JSON: Docker's full answer, and the nulls and absent
// fields other engines (Podman) send, which must never throw.
import { describe, expect, it } from 'vitest';
import { parseEnv, toInspectView } from '../../../../main/core/inspect/inspect-view';

const docker = {
  Id: 'abc123',
  Name: '/web',
  Path: '/docker-entrypoint.sh',
  Args: ['nginx', '-g', 'daemon off;'],
  RestartCount: 3,
  State: {
    Status: 'running',
    Running: true,
    Pid: 4242,
    ExitCode: 0,
    OOMKilled: false,
    StartedAt: '2026-12-05T10:00:00Z',
    FinishedAt: '0001-01-01T00:00:00Z',
    Health: {
      Status: 'unhealthy',
      FailingStreak: 2,
      Log: [{ Start: 'a', End: 'b', ExitCode: 1, Output: 'refused\n' }],
    },
  },
  Config: {
    Image: 'nginx:1.27',
    Hostname: 'abc123',
    Env: ['A=1', 'B=x=y', 'BARE'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Labels: { z: '1', a: '2' },
    Healthcheck: { Test: ['CMD', 'curl', '-f', 'http://localhost/'] },
  },
  HostConfig: { NetworkMode: 'bridge' },
  Mounts: [
    { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true },
    { Type: 'bind', Source: '/home/me/conf', Destination: '/etc/nginx/conf.d', RW: false },
  ],
  NetworkSettings: {
    Ports: {
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
      '53/udp': null,
    },
    Networks: {
      bridge: { IPAddress: '172.17.0.2', IPPrefixLen: 16, MacAddress: '02:42:ac:11:00:02', Gateway: '172.17.0.1' },
    },
  },
};

describe('toInspectView', () => {
  it('reads Docker’s answer into the readable sections and keeps the JSON itself', () => {
    const view = toInspectView(docker);
    expect(view).toMatchObject({
      name: 'web',
      image: 'nginx:1.27',
      entrypoint: ['/docker-entrypoint.sh'],
      command: ['nginx', '-g', 'daemon off;'],
      restartCount: 3,
      networkMode: 'bridge',
      state: { running: true, pid: 4242, startedAt: '2026-12-05T10:00:00Z', finishedAt: null },
      health: { status: 'unhealthy', failingStreak: 2, test: ['CMD', 'curl', '-f', 'http://localhost/'] },
    });
    expect(view.raw).toBe(docker);
    expect(view.labels.map((label) => label.key)).toEqual(['a', 'z']);
    expect(view.mounts).toEqual([
      { type: 'volume', source: 'data', destination: '/data', readOnly: false, volumeName: 'data' },
      { type: 'bind', source: '/home/me/conf', destination: '/etc/nginx/conf.d', readOnly: true, volumeName: null },
    ]);
    // The IPv6 twin of the wildcard binding says nothing new.
    expect(view.ports).toEqual([
      { privatePort: 53, publicPort: null, ip: null, protocol: 'udp' },
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' },
    ]);
    expect(view.networks).toEqual([
      {
        name: 'bridge',
        ipAddress: '172.17.0.2',
        cidr: '172.17.0.2/16',
        ipv6Address: null,
        macAddress: '02:42:ac:11:00:02',
        gateway: '172.17.0.1',
        aliases: [],
      },
    ]);
  });

  it('survives the nulls and gaps of other engines', () => {
    const view = toInspectView({ Id: 'x', Config: { Env: null, Labels: null, Cmd: null }, NetworkSettings: null });
    expect(view).toMatchObject({
      env: [],
      labels: [],
      mounts: [],
      ports: [],
      networks: [],
      health: null,
      command: null,
    });
  });
});

describe('parseEnv', () => {
  it('splits at the first = and keeps a bare name', () => {
    expect(parseEnv(['A=1', 'B=x=y', 'BARE', 'EMPTY='])).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'x=y' },
      { key: 'BARE', value: '' },
      { key: 'EMPTY', value: '' },
    ]);
  });
});
