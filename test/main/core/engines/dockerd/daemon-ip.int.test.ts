// Berth's own dockerd publishes a port given without an address (`docker run -p 8080`) on 127.0.0.1 only,
// because it runs with `--ip 127.0.0.1`: checked on a real Berth engine beside the harness engine, where the
// engine says it bound the port, and that a plain TCP connection to 127.0.0.1 reaches it.
import { connect } from 'node:net';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerdProvider } from '../../../../../main/core/engines/dockerd/dockerd-provider';
import type { EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { silentLogger } from '../../../../../main/core/logger';
import { pullImage } from '../../../../harness/busybox-image';
import { harness } from '../../../../harness/context';
import { layoutOf, ownedEngineDirs, uniqueEngineName, type OwnedEngineDirs } from './owned-engine-fixture';

let dirs: OwnedEngineDirs;
let layout: EngineLayout;
let provider: DockerdProvider;

beforeAll(async () => {
  dirs = await ownedEngineDirs('dockerd-ip');
  const name = uniqueEngineName('ip');
  layout = layoutOf(name, dirs.env);
  provider = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
});

afterAll(async () => {
  try {
    await provider?.stop();
    await provider?.remove({ deleteData: true });
  } finally {
    await dirs?.cleanup();
  }
});

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

describe("Berth's dockerd", () => {
  it('publishes a port without an address on 127.0.0.1 only', async () => {
    await provider.start();
    const docker = new Dockerode({ socketPath: layout.socketPath });
    await pullImage(docker, harness().registryImage);
    const container = await docker.createContainer({
      Image: harness().registryImage,
      // busybox httpd, as the other port tests use: Debian's busybox builds do not all have `nc -k`.
      Cmd: ['sh', '-c', 'mkdir /www && exec httpd -f -p 8080 -h /www'],
      ExposedPorts: { '8080/tcp': {} },
      // What `docker run -p 8080` sends: no address, a free port.
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '' }] } },
    });
    try {
      await container.start();
      const bindings = (await container.inspect()).NetworkSettings.Ports['8080/tcp'] ?? [];
      expect(bindings.map((binding) => binding.HostIp)).toEqual(['127.0.0.1']);
      expect(await reachable(Number(bindings[0]!.HostPort))).toBe(true);
    } finally {
      await container.remove({ force: true });
    }
  });
});
