// The registry while an engine stays away: each retry reports its new `retryAt` as `engine:status`, but the
// views (`engines:changed`, every engine's view at once) are sent again only when what they show changes; one
// that stopped retrying (a refused login) is tried again when the user makes it the active engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineRegistry } from '../../../../main/core/engines/engine-registry';
import { ExistingProvider } from '../../../../main/core/engines/existing-provider';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { SettingsStore } from '../../../../main/core/settings/settings-store';
import { needsUserAction } from '../../../../main/core/connection/retry-policy';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import { BerthError } from '../../../../main/shared/errors';
import type Dockerode from 'dockerode';

let dir: string;
let registry: EngineRegistry | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-registry-retries-'));
});

afterEach(async () => {
  await registry?.close();
  registry = null;
  await rm(dir, { recursive: true, force: true });
});

describe('EngineRegistry while an engine is away', () => {
  it('sends engine:status for each retry but engines:changed only when the views change', async () => {
    const hub = new EventHub();
    const env = { DOCKER_HOST: `unix://${dir}/absent.sock`, BERTH_EMBEDDED_ENGINE: '0' };
    const seen: Array<{ event: string; payload: unknown }> = [];
    hub.subscribe((event, payload) => seen.push({ event, payload }));
    registry = new EngineRegistry({
      env,
      hub,
      log: silentLogger,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log: silentLogger }),
      discovered: new ExistingProvider({ env, discover: () => discoverEngine({ env }) }),
    });
    await registry.start();
    // The first retries come after 0.5, 1 and 2 s: three or more failed attempts by 4 s.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const statuses = seen
      .filter((entry) => entry.event === 'engine:status')
      .map((entry) => entry.payload as EngineStatus);
    const unreachable = statuses.filter((status) => status.state === 'unreachable');
    expect(unreachable.length).toBeGreaterThanOrEqual(3);
    expect(new Set(unreachable.map((status) => status.state === 'unreachable' && status.retryAt)).size).toBe(
      unreachable.length,
    );
    // From the first retry on (the start and making the engine active send views of their own), no views again.
    const unreachableAt = seen.flatMap((entry, index) =>
      entry.event === 'engine:status' && (entry.payload as EngineStatus).state === 'unreachable' ? [index] : [],
    );
    const viewsDuringRetries = seen.slice(unreachableAt[1]).filter((entry) => entry.event === 'engines:changed');
    expect(viewsDuringRetries).toHaveLength(0);
  });

  it('tries an engine that stopped retrying again when the user makes it the active one', async () => {
    const env = { DOCKER_HOST: 'ssh://me@box.invalid', BERTH_EMBEDDED_ENGINE: '0' };
    let attempts = 0;
    const discovered = new ExistingProvider({ env, discover: () => discoverEngine({ env }) });
    // A login the server refuses, as the SSH tunnel reports it.
    discovered.createClient = () =>
      ({
        ping: async () => {
          attempts += 1;
          throw needsUserAction(
            new BerthError('ENGINE_UNREACHABLE', 'SSH login as me@box.invalid failed: the server refused the key'),
          );
        },
      }) as unknown as Dockerode;
    registry = new EngineRegistry({
      env,
      hub: new EventHub(),
      log: silentLogger,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log: silentLogger }),
      discovered,
    });
    await registry.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(attempts).toBe(1);
    expect(registry.connectionOf('discovered').status).toMatchObject({ state: 'unreachable', retryAt: null });
    await registry.setActive('discovered');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts).toBe(2);
  });
});
