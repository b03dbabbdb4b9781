import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toImageSummary } from '../../../../main/core/resources/images-service';
import { toNetworkSummary } from '../../../../main/core/resources/networks-service';
import { toVolumeSummary } from '../../../../main/core/resources/volumes-service';

describe('resource mappers', () => {
  it('maps an image, hiding the <none>:<none> placeholder', () => {
    const image = {
      Id: 'sha256:1',
      RepoTags: ['<none>:<none>'],
      Created: 10,
      Size: 1234,
      Containers: -1,
    } as unknown as Dockerode.ImageInfo;
    expect(toImageSummary(image)).toEqual({
      id: 'sha256:1',
      repoTags: [],
      sizeBytes: 1234,
      created: 10,
      containers: -1,
    });
    expect(toImageSummary({ ...image, RepoTags: ['busybox:latest'], Containers: 2 }).repoTags).toEqual([
      'busybox:latest',
    ]);
  });

  it('maps a volume with and without CreatedAt', () => {
    const volume = {
      Name: 'data',
      Driver: 'local',
      Mountpoint: '/var/lib/docker/volumes/data/_data',
      Scope: 'local',
      Labels: {},
      Options: null,
    };
    expect(toVolumeSummary({ ...volume, CreatedAt: '2024-01-01T00:00:00Z' } as never)).toEqual({
      name: 'data',
      driver: 'local',
      mountpoint: '/var/lib/docker/volumes/data/_data',
      createdAt: '2024-01-01T00:00:00Z',
      scope: 'local',
    });
    expect(toVolumeSummary(volume as never).createdAt).toBeNull();
  });

  it('maps a network with its subnets', () => {
    const network = {
      Id: 'n1',
      Name: 'bridge',
      Driver: 'bridge',
      Scope: 'local',
      Internal: false,
      IPAM: { Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }, { Gateway: 'x' }] },
    } as unknown as Dockerode.NetworkInspectInfo;
    expect(toNetworkSummary(network)).toEqual({
      id: 'n1',
      name: 'bridge',
      driver: 'bridge',
      scope: 'local',
      subnets: ['172.17.0.0/16'],
      internal: false,
    });
    expect(toNetworkSummary({ ...network, IPAM: undefined, Internal: true }).subnets).toEqual([]);
  });
});
