// What the registry says and chooses at start, against the real private engine: a first start with no
// engine says once that it starts Berth's own and then that it runs (not "no engine found", "is stopped",
// "no engine answers … ENOENT", "connected"), and with DOCKER_HOST set that engine is the active one for the
// run while the saved active engine stays saved and is not started.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEngine, type DiscoveryResult } from '../../../../main/core/connection/discover';
import type { EngineProvider, ProviderControl } from '../../../../main/core/engines/engine-provider';
import { DISCOVERED_ID, EngineRegistry } from '../../../../main/core/engines/engine-registry';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import type { Logger } from '../../../../main/core/logger';
import { SettingsStore } from '../../../../main/core/settings/settings-store';
import type { EngineKind, ProviderState } from '../../../../main/shared/engine-manager-types';
import { harness } from '../../../harness/context';
import { SYSTEM_PATH, waitUntil } from '../../../harness/run-command';

const NOWHERE = 'unix:///nonexistent/berth-narration.sock';

/** An engine that answers at the harness engine while "running", or at nothing (a missing socket). */
class FakeProvider implements EngineProvider {
  readonly host = harness().dockerHost;
  private readonly listeners = new Set<(change: { state?: ProviderState }) => void>();
  starts = 0;
  constructor(
    readonly kind: EngineKind,
    private running = false,
  ) {}
  discover(): DiscoveryResult {
    if (this.kind === 'existing' && !this.running)
      return {
        targets: [],
        problem: `No engine found: nothing at ${NOWHERE}. Start the engine.`,
        warnings: [],
        searched: [NOWHERE],
      };
    return discoverEngine({ env: { DOCKER_HOST: this.running ? this.host : NOWHERE } });
  }
  state(): ProviderState {
    if (this.kind === 'existing') return 'external';
    return this.running ? 'running' : 'stopped';
  }
  control(): ProviderControl {
    return this.kind === 'existing'
      ? { canStart: false, canStop: false, reason: 'external' }
      : { canStart: !this.running, canStop: this.running, reason: null };
  }
  async start(): Promise<void> {
    this.starts += 1;
    this.announce('starting');
    // As a real dockerd: its socket appears a little after the start began.
    await new Promise((resolve) => setTimeout(resolve, 300));
    this.running = true;
    this.announce('running');
  }
  async stop(): Promise<void> {
    this.running = false;
    this.announce('stopped');
  }
  logs(): string[] {
    return [];
  }
  onChange(listener: (change: { state?: ProviderState }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private announce(state: ProviderState): void {
    for (const listener of [...this.listeners]) listener({ state });
  }
  dockerContext(): string | null {
    return null;
  }
  async dispose(): Promise<void> {}
}

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m, e) => lines.push(`ERROR ${m} ${String(e ?? '')}`),
  };
}

let dir: string;
const registries: EngineRegistry[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-narration-'));
});
afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.close();
  await rm(dir, { recursive: true, force: true });
});

describe('what the registry says at start', () => {
  it('a first start with no engine: "starting Berth\'s own engine", then "is running", nothing alarming', async () => {
    const log = capture();
    const owned = new FakeProvider('berth-dockerd');
    const registry = new EngineRegistry({
      // dockerd on PATH: the embedded-engine rule checks Berth could run one (the fake stands in for it).
      env: { PATH: SYSTEM_PATH },
      hub: new EventHub(),
      log,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log }),
      platform: 'linux',
      discovered: new FakeProvider('existing'),
      providerFor: () => owned,
    });
    registries.push(registry);
    await registry.start();
    const connected = await waitUntil(
      () => registry.active.status.state === 'connected' && log.lines.length >= 2,
      15_000,
    );
    expect(connected, log.lines.join('\n')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(log.lines).toEqual([
      `[engines] no engine found at ${NOWHERE}; starting Berth's own engine 'berth'`,
      expect.stringMatching(
        new RegExp(
          `^\\[engines\\] Berth's engine 'berth' is running \\(docker [\\d.]+\\S*, API [\\d.]+\\) at ${harness().dockerHost}$`,
        ),
      ),
    ]);
  });

  it('without a Berth engine to start, says why no engine answers', async () => {
    const log = capture();
    const registry = new EngineRegistry({
      env: { BERTH_EMBEDDED_ENGINE: '0' },
      hub: new EventHub(),
      log,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log }),
      platform: 'linux',
      discovered: new FakeProvider('existing'),
    });
    registries.push(registry);
    await registry.start();
    expect(await waitUntil(() => log.lines.length > 0, 10_000)).toBe(true);
    expect(log.lines).toEqual([`WARN [engine] No engine found: nothing at ${NOWHERE}. Start the engine.`]);
  });

  it('with DOCKER_HOST set, uses that engine for the run and keeps (without starting) the saved active one', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        engines: [{ id: 'berth-saved', name: 'saved', kind: 'berth-dockerd' }],
        activeEngineId: 'berth-saved',
      }),
    );
    const log = capture();
    const saved = new FakeProvider('berth-dockerd');
    const registry = new EngineRegistry({
      env: { DOCKER_HOST: harness().dockerHost },
      hub: new EventHub(),
      log,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log }),
      platform: 'linux',
      discovered: new FakeProvider('existing', true),
      providerFor: () => saved,
    });
    registries.push(registry);
    await registry.start();
    expect(await waitUntil(() => registry.active.status.state === 'connected', 10_000)).toBe(true);
    expect(
      registry
        .views()
        .filter((view) => view.active)
        .map((view) => view.id),
    ).toEqual([DISCOVERED_ID]);
    expect(saved.starts).toBe(0);
    expect(log.lines[0]).toBe(
      `[engines] DOCKER_HOST is set: this run uses ${harness().dockerHost}; the engine saved as active ('saved') stays saved for runs without DOCKER_HOST`,
    );
    // Anything else saved in this run keeps the user's choice.
    await registry.addOwned('other');
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).activeEngineId).toBe('berth-saved');
  });
});
