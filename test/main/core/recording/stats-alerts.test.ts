// StatsAlerts wired to a hub, a scripted engine link and settings that change: ticks and engine events in,
// `stats:alert` out with the container's name; the `die` of an OOM-killed container and its `oom` event are
// one alert; thresholds saved later apply; a removed container is forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { StatsAlerts } from '../../../../main/core/recording/stats-alerts';
import type { BerthSettings } from '../../../../main/shared/settings-types';
import { defaultStatsAlertSettings, type StatsAlert } from '../../../../main/shared/stats-history-types';
import { F, statsFieldCount, type StatsValues } from '../../../../main/shared/stats-types';

const MiB = 1024 * 1024;

function row(memBytes: number, memLimitBytes: number | null, oomKills = 0): StatsValues {
  const v: StatsValues = new Array<number | null>(statsFieldCount).fill(null);
  v[F.memBytes] = memBytes;
  v[F.memLimitBytes] = memLimitBytes;
  v[F.oomKills] = oomKills;
  return v;
}

function setup(statsAlerts = { ...defaultStatsAlertSettings, memorySeconds: 5 }) {
  let now = 1_000_000;
  const hub = new EventHub();
  const alerts: StatsAlert[] = [];
  hub.subscribe((event, payload) => {
    if (event === 'stats:alert') alerts.push(payload as StatsAlert);
  });
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const changeListeners = new Set<(settings: BerthSettings) => void>();
  const engine = new Map<string, { Name: string; State: { OOMKilled: boolean } }>();
  const settings = { defaultRunLimits: {}, registryCredentials: 'docker-config', statsAlerts } as BerthSettings;
  const connection = {
    client: () =>
      ({
        getContainer: (id: string) => ({
          inspect: async () => {
            const found = engine.get(id);
            if (!found) throw Object.assign(new Error('no such container'), { statusCode: 404 });
            return found;
          },
        }),
      }) as never,
    onEngineEvent: (listener: (event: EngineEvent) => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnected: () => () => undefined,
  };
  const watcher = new StatsAlerts({
    connection,
    hub,
    log: silentLogger,
    now: () => now,
    settings: {
      get: async () => settings,
      onChange: (listener) => {
        changeListeners.add(listener);
        return () => changeListeners.delete(listener);
      },
    },
  });
  const tick = (samples: Array<{ id: string; v: StatsValues }>, removed?: string[]) => {
    hub.emit('stats:tick', { t: now, samples, ended: [], ...(removed ? { removed } : {}) });
    now += 1000;
  };
  const event = (Action: string, id: string, Attributes: Record<string, string> = {}) => {
    for (const listener of eventListeners)
      listener({ Type: 'container', Action, Actor: { ID: id, Attributes }, time: 0 });
  };
  const changeSettings = (next: BerthSettings) => {
    for (const listener of changeListeners) listener(next);
  };
  return { watcher, alerts, engine, tick, event, changeSettings, settings };
}

/** Lets the name look-ups (a resolved inspect) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let current: StatsAlerts | undefined;
afterEach(() => current?.dispose());

describe('StatsAlerts', () => {
  it('raises one memory alert named after the container once memory has held for its seconds', async () => {
    const s = setup();
    current = s.watcher;
    await settle();
    s.engine.set('c1', { Name: '/web', State: { OOMKilled: false } });
    for (let i = 0; i < 12; i += 1) s.tick([{ id: 'c1', v: row(250 * MiB, 256 * MiB) }]);
    await settle();
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]).toMatchObject({
      id: 'c1',
      name: 'web',
      condition: 'memory',
      message: 'web has used over 90 % of its 256 MiB memory limit for 5 s',
    });
  });

  it('an OOM kill told by the oom event and the die that follows is one alert, named from the event', async () => {
    const s = setup();
    current = s.watcher;
    await settle();
    s.engine.set('c2', { Name: '/db', State: { OOMKilled: true } });
    s.event('oom', 'c2', { name: 'db' });
    s.event('die', 'c2', { name: 'db', exitCode: '137' });
    await settle();
    await settle();
    expect(s.alerts.map((alert) => [alert.name, alert.condition])).toEqual([['db', 'oom']]);
  });

  it('a die with OOMKilled alone (no oom event) raises the OOM alert; a plain exit 137 does not', async () => {
    const s = setup();
    current = s.watcher;
    await settle();
    s.engine.set('killed', { Name: '/killed', State: { OOMKilled: true } });
    s.engine.set('stopped', { Name: '/stopped', State: { OOMKilled: false } });
    s.event('die', 'killed', { name: 'killed', exitCode: '137' });
    s.event('die', 'stopped', { name: 'stopped', exitCode: '137' });
    await settle();
    await settle();
    expect(s.alerts.map((alert) => alert.id)).toEqual(['killed']);
  });

  it('thresholds saved later apply, and enabled: false silences', async () => {
    const s = setup();
    current = s.watcher;
    await settle();
    s.engine.set('c3', { Name: '/api', State: { OOMKilled: false } });
    s.changeSettings({ ...s.settings, statsAlerts: { ...defaultStatsAlertSettings, enabled: false } });
    for (let i = 0; i < 10; i += 1) s.tick([{ id: 'c3', v: row(250 * MiB, 256 * MiB) }]);
    s.event('oom', 'c3', { name: 'api' });
    await settle();
    expect(s.alerts).toEqual([]);
    s.changeSettings({
      ...s.settings,
      statsAlerts: { ...defaultStatsAlertSettings, memoryPercent: 95, memorySeconds: 5 },
    });
    for (let i = 0; i < 10; i += 1) s.tick([{ id: 'c3', v: row(250 * MiB, 256 * MiB) }]);
    await settle();
    expect(s.alerts.map((alert) => alert.message)).toEqual([
      'api has used over 95 % of its 256 MiB memory limit for 5 s',
    ]);
  });

  it('a removed container starts over: its held time is forgotten', async () => {
    const s = setup();
    current = s.watcher;
    await settle();
    s.engine.set('c4', { Name: '/tmp', State: { OOMKilled: false } });
    for (let i = 0; i < 4; i += 1) s.tick([{ id: 'c4', v: row(250 * MiB, 256 * MiB) }]);
    s.event('destroy', 'c4');
    for (let i = 0; i < 4; i += 1) s.tick([{ id: 'c4', v: row(250 * MiB, 256 * MiB) }]);
    await settle();
    expect(s.alerts).toEqual([]);
  });
});
