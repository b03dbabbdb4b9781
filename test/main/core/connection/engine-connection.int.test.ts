// EngineConnection against a real dockerd of its own: connect, lose it when it stops, recover when it starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineConnection, type EngineEvent } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import { PrivateEngine } from '../../../harness/private-engine';
import { HubRecorder } from '../hub-recorder';

let engine: PrivateEngine;
let connection: EngineConnection;
let recorder: HubRecorder;

beforeAll(async () => {
  engine = await PrivateEngine.start({ name: 'connection' });
  const hub = new EventHub();
  recorder = new HubRecorder(hub);
  connection = new EngineConnection({
    // The real discovery, pointed at this engine the way a user would: DOCKER_HOST.
    discover: () => discoverEngine({ env: { DOCKER_HOST: engine.dockerHost } }),
    log: silentLogger,
    retryMinMs: 100,
    retryMaxMs: 500,
    healthIntervalMs: 500,
    requestTimeoutMs: 2000,
  });
  // The recorder waits on a hub: the statuses go there as the active engine would send them to the windows.
  connection.onStatus((status) => hub.emit('engine:status', status));
});

afterAll(async () => {
  await connection?.stop();
  recorder?.dispose();
  await engine?.destroy();
});

describe('EngineConnection with a real engine', () => {
  it('connects and reports the real engine info', async () => {
    const connected = recorder.next('engine:status', (s) => s.state === 'connected', 20_000, 'connected');
    connection.start();
    const { payload } = await connected;
    if (payload.state !== 'connected') throw new Error('unreachable: filtered above');
    expect(payload.endpoint).toEqual({ host: engine.dockerHost, source: 'DOCKER_HOST' });
    expect(payload.info.product).toBe('docker');
    expect(payload.info.apiVersion).toMatch(/^1\.\d+$/);
    expect(payload.info.version).not.toBe('');
    expect(payload.info.cpus).toBeGreaterThan(0);
    expect(payload.info.memoryBytes).toBeGreaterThan(0);
    expect(payload.info.cgroupDriver).not.toBe('');
    expect(['1', '2']).toContain(payload.info.cgroupVersion);
    expect(connection.status.state).toBe('connected');
  });

  it('follows the engine event stream', async () => {
    const events: EngineEvent[] = [];
    const stopListening = connection.onEngineEvent((event) => events.push(event));
    try {
      const docker = engine.docker();
      // This engine has no image (the harness builds busybox in the shared one); a volume needs none.
      const volume = await docker.createVolume({ Name: `berth-conn-${Date.now()}` });
      await expect
        .poll(() => events.some((e) => e.Type === 'volume' && e.Action === 'create'), { timeout: 10_000 })
        .toBe(true);
      await docker.getVolume(volume.name).remove();
    } finally {
      stopListening();
    }
  });

  it('flips to unreachable quickly when the engine stops, and recovers on its own when it starts', async () => {
    const lost = recorder.next('engine:status', (s) => s.state === 'unreachable', 40_000, 'unreachable after stop');
    const stopStarted = Date.now();
    await engine.stop();
    const stopEnded = Date.now();
    const { payload, at } = await lost;
    if (payload.state !== 'unreachable') throw new Error('unreachable: filtered above');
    // Before the engine finished stopping or within about one health interval of it.
    expect(at - stopEnded).toBeLessThan(1500);
    expect(at).toBeGreaterThanOrEqual(stopStarted);
    expect(payload.reason).toContain(`Lost the engine at ${engine.dockerHost}`);
    expect(payload.endpoint?.host).toBe(engine.dockerHost);
    expect(() => connection.client()).toThrow(/engine/);

    const back = recorder.next('engine:status', (s) => s.state === 'connected', 60_000, 'connected after start');
    await engine.start();
    const recovered = (await back).payload as Extract<EngineStatus, { state: 'connected' }>;
    expect(recovered.endpoint.host).toBe(engine.dockerHost);
    expect(await connection.client().ping()).toBeTruthy();
  });
});
