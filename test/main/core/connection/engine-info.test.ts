import { describe, expect, it } from 'vitest';
import { productOf, toEngineInfo, type RawInfo, type RawVersion } from '../../../../main/core/connection/engine-info';

// Shaped like Debian's docker.io 20.10 answers (fields Berth does not read trimmed).
const dockerVersion: RawVersion = {
  Platform: { Name: '' },
  Components: [
    { Name: 'Engine', Version: '20.10.24+dfsg1' },
    { Name: 'containerd', Version: '1.6.20~ds1' },
    { Name: 'runc', Version: '1.1.5+ds1' },
    { Name: 'docker-init', Version: '0.19.0' },
  ],
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.1.0-13-amd64',
};
const dockerInfo: RawInfo = {
  ID: 'K3QG:7ZQX:JMVD:XZQX:BDFK:YZ2Z:6WIB:EKKJ:2HCG:QZDD:E3VZ:VN4X',
  Name: 'builder',
  OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  OSType: 'linux',
  KernelVersion: '6.1.0-13-amd64',
  Architecture: 'x86_64',
  NCPU: 2,
  MemTotal: 25_217_531_904,
  CgroupDriver: 'cgroupfs',
  CgroupVersion: '1',
  Driver: 'overlay2',
  Containers: 4,
  ContainersRunning: 2,
  ContainersPaused: 1,
  ContainersStopped: 1,
  Images: 7,
};

// Shaped like Podman 4.9's Docker-compatible API.
const podmanVersion: RawVersion = {
  Platform: { Name: 'linux/amd64/fedora-39' },
  Components: [
    { Name: 'Podman Engine', Version: '4.9.3' },
    { Name: 'Conmon', Version: 'conmon version 2.1.8, commit: ' },
    { Name: 'OCI Runtime (crun)', Version: 'crun version 1.14' },
  ],
  Version: '4.9.3',
  ApiVersion: '1.41',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.7.4-200.fc39.x86_64',
};
const podmanInfo: RawInfo = {
  Name: 'fedora',
  OperatingSystem: 'fedora',
  OSType: 'linux',
  KernelVersion: '6.7.4-200.fc39.x86_64',
  Architecture: 'amd64',
  NCPU: 8,
  MemTotal: 16_467_685_376,
  CgroupDriver: 'systemd',
  CgroupVersion: '2',
  Driver: 'overlay',
  Containers: 3,
  ContainersRunning: 1,
  ContainersPaused: 0,
  ContainersStopped: 2,
  Images: 5,
};

describe('toEngineInfo', () => {
  it('maps a Docker engine', () => {
    expect(toEngineInfo(dockerInfo, dockerVersion)).toEqual({
      product: 'docker',
      version: '20.10.24+dfsg1',
      apiVersion: '1.41',
      os: 'Debian GNU/Linux 12 (bookworm)',
      osType: 'linux',
      kernelVersion: '6.1.0-13-amd64',
      architecture: 'x86_64',
      cpus: 2,
      memoryBytes: 25_217_531_904,
      cgroupDriver: 'cgroupfs',
      cgroupVersion: '1',
      storageDriver: 'overlay2',
      containers: { total: 4, running: 2, paused: 1, stopped: 1 },
      images: 7,
      name: 'builder',
      engineId: 'K3QG:7ZQX:JMVD:XZQX:BDFK:YZ2Z:6WIB:EKKJ:2HCG:QZDD:E3VZ:VN4X',
    });
  });

  it('maps a Podman engine', () => {
    expect(toEngineInfo(podmanInfo, podmanVersion)).toMatchObject({
      product: 'podman',
      version: '4.9.3',
      apiVersion: '1.41',
      cgroupDriver: 'systemd',
      cgroupVersion: '2',
      storageDriver: 'overlay',
      cpus: 8,
      containers: { total: 3, running: 1, paused: 0, stopped: 2 },
    });
  });

  it('fills what an engine leaves out with empty values, never throws', () => {
    const info = toEngineInfo({ CgroupVersion: 'v2' }, { Components: null, Platform: null });
    expect(info).toMatchObject({ product: 'docker', version: '', cpus: 0, memoryBytes: 0, cgroupVersion: '2' });
  });
});

describe('productOf', () => {
  it.each([
    [{ Platform: { Name: 'Docker Engine - Community' }, Components: [{ Name: 'Engine' }] }, 'docker'],
    [{ Platform: { Name: 'Docker Desktop 4.25.0 (126437)' } }, 'docker'],
    [{ Components: [{ Name: 'Podman Engine' }] }, 'podman'],
    [{ Platform: { Name: 'podman' } }, 'podman'],
    [{}, 'docker'],
  ] as Array<[RawVersion, string]>)('%j is %s', (version, product) => {
    expect(productOf(version)).toBe(product);
  });
});
