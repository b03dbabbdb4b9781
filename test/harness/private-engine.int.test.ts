// Proves the harness itself: the private engine answers on its own socket with its own data root, runs the
// busybox image, the registry holds the pushed image, and an engine can be stopped, restarted and destroyed
// without leaving anything behind.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { pullImage } from './busybox-image';
import { removeTestContainers, runIdleContainer, TEST_LABEL } from './containers';
import { harness } from './context';
import { bridgeExists } from './host-bridge';
import { mountsUnder, processIdsMentioning } from './host-cleanup';
import { containerMacPrefix, hostVeths } from './leaked-veths';
import { PrivateEngine } from './private-engine';
import { runCommand } from './run-command';

const context = harness();
const docker = new Dockerode({ socketPath: context.socketPath });

describe('private engine', () => {
  it('answers on its own socket with its own data root', async () => {
    expect(context.dockerHost).toBe(`unix://${context.socketPath}`);
    expect(context.socketPath).toMatch(/^\/tmp\/berth-test-/);
    expect(String(await docker.ping())).toBe('OK');
    const info = await docker.info();
    expect(info.DockerRootDir).toBe(context.dataRoot);
    expect(info.Name).toBeTruthy();
  });

  it('runs the busybox image and returns its output', async () => {
    const container = await docker.createContainer({
      Image: context.busyboxImage,
      Cmd: ['echo', 'hello from busybox'],
      Labels: { [TEST_LABEL]: '1' },
    });
    await container.start();
    const result = (await container.wait()) as { StatusCode: number };
    expect(result.StatusCode).toBe(0);
    const logs = await container.logs({ stdout: true, stderr: true, follow: false });
    expect(logs.toString('utf8')).toContain('hello from busybox');
    await container.remove();
  });

  it('runs a labelled idle container and removes it again', async () => {
    const container = await runIdleContainer(docker, context.busyboxImage, 'harness-idle');
    const inspected = await container.inspect();
    expect(inspected.State.Running).toBe(true);
    expect(inspected.Config.Cmd).toEqual(['sleep', '3600']);
    expect(inspected.Config.Labels[TEST_LABEL]).toBe('1');
    expect(await removeTestContainers(docker)).toBe(1);
    expect(await docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } })).toEqual([]);
  });
});

describe('private registry', () => {
  it('holds the pushed busybox image', async () => {
    expect(context.registryImage).toBe(`${context.registry}/berth-test/busybox:latest`);
    const response = await fetch(`http://${context.registry}/v2/berth-test/busybox/tags/list`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'berth-test/busybox', tags: ['latest'] });
  });
});

describe('engine lifecycle', () => {
  it('stops, starts again with its containers, and is destroyed without leftovers', async () => {
    const engine = await PrivateEngine.start({ name: 'lifecycle' });
    try {
      const own = engine.docker();
      expect(await engine.ping()).toBe(true);
      expect((await own.info()).DockerRootDir).toBe(engine.dataRoot);
      // Pulling from the registry proves it serves what it holds, to an engine that never had the image.
      await pullImage(own, context.registryImage);
      const idle = await runIdleContainer(own, context.registryImage, 'survivor');

      await engine.stop();
      expect(await engine.ping()).toBe(false);
      expect(existsSync(engine.socketPath)).toBe(false);
      expect(engine.pids()).toEqual([]);
      expect(await processIdsMentioning(engine.baseDir)).toEqual([]);

      await engine.start();
      expect(await engine.ping()).toBe(true);
      // The container outlives the engine's restart (stopped by the shutdown, still there).
      const after = await own.getContainer(idle.id).inspect();
      expect(after.Name).toBe('/survivor');
      expect(after.State.Running).toBe(false);
      await own.getContainer(idle.id).start();
      expect((await own.getContainer(idle.id).inspect()).State.Running).toBe(true);
    } finally {
      await engine.destroy();
    }
    expect(existsSync(engine.baseDir)).toBe(false);
    expect(await mountsUnder(engine.baseDir)).toEqual([]);
    expect(await bridgeExists(engine.bridge.name)).toBe(false);
    expect(await processIdsMentioning(engine.baseDir)).toEqual([]);
  });
});

describe('engine teardown', () => {
  it('leaves no veth of its subnet, removes a pair dockerd left behind, and touches no other pair', async () => {
    const engine = await PrivateEngine.start({ name: 'veths' });
    const prefix = containerMacPrefix(engine.bridge.gatewayCidr);
    const tag = randomBytes(2).toString('hex');
    // What an interrupted teardown leaves: the container end back in the host namespace, down, its peer still
    // a port of the bridge. The control pair has the MAC of a /24 no test engine uses (10.199.0.0/16).
    const leaked = { end: `btl-${tag}`, host: `btm-${tag}` };
    const control = { end: `btc-${tag}`, host: `btd-${tag}` };
    try {
      const own = engine.docker();
      await pullImage(own, context.registryImage);
      for (let index = 0; index < 5; index += 1) await runIdleContainer(own, context.registryImage);
      for (const [pair, mac] of [
        [leaked, `${prefix}fe`],
        [control, '02:42:0a:c7:00:fe'],
      ] as const) {
        await runCommand('ip', ['link', 'add', pair.end, 'address', mac, 'type', 'veth', 'peer', 'name', pair.host]);
      }
      await runCommand('ip', ['link', 'set', leaked.host, 'master', engine.bridge.name, 'up']);
    } finally {
      await engine.destroy();
    }
    try {
      const veths = await hostVeths();
      const ours = veths.map((veth) => veth.ifname).filter((name) => name.endsWith(`-${tag}`));
      expect(ours.sort()).toEqual([control.end, control.host].sort());
      expect(veths.filter((veth) => veth.address?.startsWith(prefix)).map((veth) => veth.ifname)).toEqual([]);
      expect(await bridgeExists(engine.bridge.name)).toBe(false);
    } finally {
      await runCommand('ip', ['link', 'del', control.end]).catch(() => undefined);
    }
  });
});
