import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  containerName,
  toContainerState,
  toContainerSummary,
  toPortBindings,
} from '../../../../main/core/containers/container-summary';

// One entry of `GET /containers/json` from engine 20.10 (fields Berth does not read trimmed).
const web = {
  Id: '3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e',
  Names: ['/proxy/web', '/shop-web-1'],
  Image: 'nginx:1.25',
  ImageID: 'sha256:aa11',
  Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
  Created: 1_700_000_000,
  Ports: [
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 443, Type: 'tcp' },
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
  ],
  Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  State: 'running',
  Status: 'Up 3 minutes',
  HostConfig: { NetworkMode: 'shop_default' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
} as unknown as Dockerode.ContainerInfo;

describe('toContainerSummary', () => {
  it('maps a list entry without any inspect', () => {
    expect(toContainerSummary(web)).toEqual({
      id: web.Id,
      name: 'shop-web-1',
      image: 'nginx:1.25',
      imageId: 'sha256:aa11',
      command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
      state: 'running',
      status: 'Up 3 minutes',
      created: 1_700_000_000,
      ports: [
        { privatePort: 53, publicPort: 5353, ip: '127.0.0.1', protocol: 'udp' },
        { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' },
        { privatePort: 443, publicPort: null, ip: null, protocol: 'tcp' },
      ],
      composeProject: 'shop',
    });
  });

  it('has no compose project without the label, and survives missing fields', () => {
    const bare = { Id: 'abcdef0123456789', Names: [], State: 'created' } as unknown as Dockerode.ContainerInfo;
    expect(toContainerSummary(bare)).toMatchObject({
      name: 'abcdef012345',
      ports: [],
      composeProject: null,
      state: 'created',
      image: '',
    });
  });
});

describe('toPortBindings', () => {
  it('keeps an IPv6-only binding and distinct host addresses', () => {
    expect(
      toPortBindings([
        { IP: '::', PrivatePort: 22, PublicPort: 2222, Type: 'tcp' },
        { IP: '127.0.0.1', PrivatePort: 22, PublicPort: 2223, Type: 'tcp' },
      ]),
    ).toEqual([
      { privatePort: 22, publicPort: 2222, ip: '::', protocol: 'tcp' },
      { privatePort: 22, publicPort: 2223, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
  });

  it('tells tcp and udp of the same port apart', () => {
    expect(
      toPortBindings([
        { IP: '', PrivatePort: 53, PublicPort: 0, Type: 'udp' },
        { IP: '', PrivatePort: 53, PublicPort: 0, Type: 'tcp' },
      ]).map((p) => p.protocol),
    ).toEqual(['tcp', 'udp']);
  });
});

describe('names and states', () => {
  it('picks the name without a link prefix', () => {
    expect(containerName(['/a/b', '/b'], 'x')).toBe('b');
    expect(containerName(['/only'], 'x')).toBe('only');
  });

  it.each([
    ['running', 'running'],
    ['Exited', 'exited'],
    ['configured', 'created'],
    ['stopped', 'exited'],
    ['something-new', 'exited'],
  ])('%s → %s', (raw, state) => {
    expect(toContainerState(raw)).toBe(state);
  });
});
