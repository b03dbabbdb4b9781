// The engine registry against the real private engine: several engines monitored at once (providers that
// point at the harness engine, or at nothing), switching the active one without a restart (services resync,
// engine:status follows), the configuration surviving a new registry, and refusals in words.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEngine, type DiscoveryResult } from '../../../../main/core/connection/discover';
import type { EngineProvider, ProviderControl } from '../../../../main/core/engines/engine-provider';
import { DISCOVERED_ID, EngineRegistry } from '../../../../main/core/engines/engine-registry';
import { ExistingProvider } from '../../../../main/core/engines/existing-provider';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { SettingsStore } from '../../../../main/core/settings/settings-store';
import type { EngineConfig, EngineView, ProviderState } from '../../../../main/shared/engine-manager-types';
import { harness } from '../../../harness/context';
import { HubRecorder } from '../hub-recorder';

/** An engine Berth "runs" whose process is the harness engine (reachable) or nothing (a missing socket). */
class TestProvider implements EngineProvider {
  readonly kind = 'berth-dockerd' as const;
  running: boolean;
  constructor(
    readonly host: string,
    running = false,
  ) {
    this.running = running;
  }
  discover(): DiscoveryResult {
    return discoverEngine({ env: { DOCKER_HOST: this.running ? this.host : 'unix:///nonexistent/berth-test.sock' } });
  }
  state(): ProviderState {
    return this.running ? 'running' : 'stopped';
  }
  control(): ProviderControl {
    return { canStart: !this.running, canStop: this.running, reason: null };
  }
  async start(): Promise<void> {
    this.running = true;
    this.announce();
  }
  async stop(): Promise<void> {
    this.running = false;
    this.announce();
  }
  logs(): string[] {
    return ['a log line'];
  }
  private readonly listeners = new Set<(change: { state?: ProviderState }) => void>();
  onChange(listener: (change: { state?: ProviderState }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** What a provider says when its state changes, or repeats to refresh the views. */
  announce(): void {
    for (const listener of [...this.listeners]) listener({ state: this.state() });
  }
  dockerContext(): string | null {
    return 'berth-test';
  }
  async dispose(): Promise<void> {}
}

let dir: string;
let hub: EventHub;
const registries: EngineRegistry[] = [];

function registry(providers: Record<string, TestProvider> = {}): EngineRegistry {
  const settings = new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log: silentLogger });
  const created = new EngineRegistry({
    // The harness engine is the discovered one without DOCKER_HOST in the registry's environment: with it,
    // that engine would be the active one of every run (the docker CLI's rule) and restarts would not keep a choice.
    env: { BERTH_EMBEDDED_ENGINE: '0' },
    discovered: new ExistingProvider({ env: { DOCKER_HOST: harness().dockerHost } }),
    hub,
    log: silentLogger,
    settings,
    providerFor: (config: EngineConfig) => (providers[config.id] ??= new TestProvider(harness().dockerHost)),
  });
  registries.push(created);
  return created;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const viewOf = (views: EngineView[], id: string) => views.find((view) => view.id === id)!;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-engines-'));
  hub = new EventHub();
});

afterEach(async () => {
  for (const created of registries.splice(0)) await created.close();
  await rm(dir, { recursive: true, force: true });
});

describe('EngineRegistry', () => {
  it('starts with the discovered engine active and connected', async () => {
    const engines = registry();
    await engines.start();
    await until(() => engines.active.status.state === 'connected', 'the discovered engine');
    const [discovered] = engines.views();
    expect(discovered).toMatchObject({
      id: DISCOVERED_ID,
      kind: 'existing',
      active: true,
      providerState: 'external',
      canStart: false,
      removable: false,
      host: harness().dockerHost,
    });
    expect(discovered!.controlReason).toBeTruthy();
    await expect(engines.startEngine(DISCOVERED_ID)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('monitors several engines at once and switches the active one, resyncing services', async () => {
    const engines = registry();
    await engines.start();
    const recorder = new HubRecorder(hub);
    let resyncs = 0;
    engines.active.onConnected(() => (resyncs += 1));
    const added = await engines.addOwned('two');
    expect(added).toMatchObject({
      id: 'berth-two',
      kind: 'berth-dockerd',
      active: false,
      providerState: 'running',
      dockerContext: 'berth-test',
      removable: true,
    });
    await until(() => engines.views().every((view) => view.connection.state === 'connected'), 'both engines connected');

    const before = resyncs;
    const views = await engines.setActive('berth-two');
    expect(viewOf(views, 'berth-two').active).toBe(true);
    expect(viewOf(views, DISCOVERED_ID).active).toBe(false);
    expect(resyncs).toBe(before + 1);
    expect(recorder.seen.some((r) => r.event === 'engine:status')).toBe(true);
    expect(recorder.seen.some((r) => r.event === 'engines:changed')).toBe(true);
    // The active engine's client is the new engine's own.
    expect(engines.active.client()).toBe(engines.connectionOf('berth-two').client());
    recorder.dispose();
  });

  it('says a stopped engine is stopped, and connects again when started', async () => {
    const providers: Record<string, TestProvider> = {};
    const engines = registry(providers);
    await engines.start();
    await engines.addOwned('three');
    await engines.setActive('berth-three');
    await until(() => engines.active.status.state === 'connected', 'berth-three connected');
    const stopped = await engines.stopEngine('berth-three');
    expect(stopped.providerState).toBe('stopped');
    await until(() => engines.active.status.state === 'unreachable', 'the active engine to be away');
    expect(viewOf(engines.views(), 'berth-three').connection).toMatchObject({
      state: 'unreachable',
      reason: 'three is stopped.',
    });
    await expect(engines.stopEngine('berth-three')).rejects.toMatchObject({ code: 'CONFLICT' });
    await engines.startEngine('berth-three');
    await until(() => engines.active.status.state === 'connected', 'berth-three back');
  });

  it('hears at once of a stop the provider made on its own (idle stop), but does not reconnect on a repeated state', async () => {
    const providers: Record<string, TestProvider> = {};
    const engines = registry(providers);
    await engines.start();
    await engines.addOwned('four');
    await until(() => engines.connectionOf('berth-four').status.state === 'connected', 'berth-four connected');
    const client = engines.connectionOf('berth-four').client();
    // A provider repeating its state (a VM's late boot phase) must not drop the connection and its requests.
    providers['berth-four']!.announce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engines.connectionOf('berth-four').client()).toBe(client);
    // The harness engine behind it still answers, so only the provider's word can tell the connection.
    providers['berth-four']!.running = false;
    providers['berth-four']!.announce();
    await until(() => engines.connectionOf('berth-four').status.state === 'unreachable', 'berth-four seen stopped');
  });

  it('keeps engines and the active one across a restart, and falls back when the active one is removed', async () => {
    const first = registry();
    await first.start();
    await first.addOwned('kept');
    await first.setActive('berth-kept');
    await first.close();

    const second = registry();
    await second.start();
    expect(second.views().map((view) => [view.id, view.active])).toEqual([
      [DISCOVERED_ID, false],
      ['berth-kept', true],
    ]);
    // The active engine is Berth's own: it is started with Berth, as Docker Desktop starts its engine.
    await until(() => second.active.status.state === 'connected', 'berth-kept started with the registry');
    await expect(second.addOwned('kept')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already an engine named kept/),
    });
    const views = await second.remove('berth-kept', false);
    expect(views.map((view) => view.id)).toEqual([DISCOVERED_ID]);
    expect(viewOf(views, DISCOVERED_ID).active).toBe(true);
    await expect(second.remove(DISCOVERED_ID, false)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(second.setActive('berth-gone')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports disk usage of an engine', async () => {
    const engines = registry();
    await engines.start();
    await until(() => engines.active.status.state === 'connected', 'the discovered engine');
    const usage = await engines.diskUsage(DISCOVERED_ID);
    expect(usage.images.count).toBeGreaterThan(0);
    expect(usage.images.sizeBytes).toBeGreaterThan(0);
  });
});
