// Always-on recording through the core's router against the private engine, with real files: a busy container
// nobody watches is recorded (cgroup collector), its history survives a restart of the core (stats:range and
// stats:history), export round-trips, and the 'off' setting stops recording and says so.
import { rm } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../main/core/create-core';
import { historiesFromCsv, historiesFromJson } from '../../../../main/core/stats/history/history-export';
import { F } from '../../../../main/shared/stats-types';
import { harness } from '../../../harness/context';
import { runTestContainer } from '../../../harness/containers';
import { call, configFolder, problems, startCore, until } from './recording-fixture';

let dir: string;
let docker: Dockerode;
let core: Core | null = null;
let busy: Dockerode.Container;
let name: string;
let startedAt: number;

beforeAll(async () => {
  dir = await configFolder();
  docker = new Dockerode({ socketPath: harness().socketPath });
  name = `berth-recording-busy-${process.pid}`;
  busy = await runTestContainer(docker, {
    image: harness().busyboxImage,
    name,
    // Half a core of spinning: CPU well above zero in every second.
    cmd: ['sh', '-c', 'while :; do :; done'],
    hostConfig: { NanoCpus: 500_000_000 },
  });
  startedAt = Date.now() - 1000;
  core = await startCore(dir);
});

afterAll(async () => {
  await busy?.remove({ force: true }).catch(() => undefined);
  await core?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const busyRows = async (c: Core, from: number, to?: number) => {
  const [range] = await call(c, 'stats:range', { ids: [busy.id], from, ...(to ? { to } : {}) });
  return (range?.rows ?? []).filter((row) => (row.v[F.cpuPercent] ?? 0) > 0);
};

describe('always-on recording', () => {
  it('records a busy container nobody watches, and says it records always with cgroup files', async () => {
    const recording = await until('recording to be always-on', async () => {
      const state = await call(core!, 'stats:recording', {});
      return state.mode === 'always' && state.recording > 0 ? state : undefined;
    });
    expect(recording).toMatchObject({ mode: 'always', collector: 'cgroup', retentionDays: 7 });
    expect(recording.storeCapBytes).toBeGreaterThan(0);
    expect(recording.reason).toMatch(/cgroup/);
    const rows = await until('three recorded seconds of CPU', async () => {
      const found = await busyRows(core!, startedAt);
      return found.length >= 3 ? found : undefined;
    });
    expect(rows.every((row) => row.t >= Math.floor(startedAt / 1000) * 1000)).toBe(true);
    // By name too, as the Containers page asks.
    const [byName] = await call(core!, 'stats:range', { ids: [name], from: startedAt });
    expect(byName?.id).toBe(busy.id);
    expect(byName?.tier).toBe('1s');
  });

  it('keeps the history across a restart of the core: stats:range and stats:history both return it', async () => {
    await until('five recorded seconds', async () =>
      (await busyRows(core!, startedAt)).length >= 5 ? true : undefined,
    );
    await core!.close();
    const closedAt = Date.now();
    core = null;
    core = await startCore(dir);
    const before = (await busyRows(core, startedAt)).filter((row) => row.t < closedAt);
    expect(before.length).toBeGreaterThanOrEqual(5);
    // Right after the restart the live ring holds a few seconds at most; the store adds what came before.
    const history = await until('stats:history to answer', () =>
      call(core!, 'stats:history', { id: name, seconds: 600 }).catch(() => undefined),
    );
    expect(history.id).toBe(busy.id);
    const older = history.rows.filter((row) => row.t < closedAt && (row.v[F.cpuPercent] ?? 0) > 0);
    expect(older.length).toBeGreaterThanOrEqual(5);
    const times = history.rows.map((row) => row.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('exports what stats:range returns, as CSV and as JSON', async () => {
    await until('six recorded seconds', async () =>
      (await busyRows(core!, startedAt)).length >= 6 ? true : undefined,
    );
    // A range that ended two seconds ago: the same rows whenever asked.
    const to = Date.now() - 2000;
    const [range] = await call(core!, 'stats:range', { ids: [busy.id], from: startedAt, to });
    expect(range!.rows.length).toBeGreaterThan(3);
    const csv = await call(core!, 'stats:export', { ids: [name], from: startedAt, to, format: 'csv' });
    expect(csv.filename).toMatch(new RegExp(`^berth-stats-${name}-\\d{8}T\\d{4}-\\d{8}T\\d{4}\\.csv$`));
    expect(csv.text.split('\n')[0]).toMatch(/^id,t,cpuPercent,/);
    expect(historiesFromCsv(csv.text)).toEqual([{ id: busy.id, rows: range!.rows }]);
    const json = await call(core!, 'stats:export', { ids: [busy.id], from: startedAt, to, format: 'json' });
    expect(json.filename).toMatch(/\.json$/);
    expect(historiesFromJson(json.text)).toEqual([range]);
  });

  it('ranks the busy container first among top CPU consumers', async () => {
    const top = await call(core!, 'stats:top', { from: startedAt, by: 'cpu', limit: 3 });
    expect(top[0]).toMatchObject({ id: busy.id, name, limit: 0.5 });
    expect(top[0]!.mean).toBeGreaterThan(5);
    expect(top[0]!.max).toBeGreaterThanOrEqual(top[0]!.mean);
  });

  it("stops recording when the setting is 'off', and starts again on 'auto'", async () => {
    await call(core!, 'settings:update', { statsRecording: 'off' });
    const offAt = Date.now();
    expect(await call(core!, 'stats:recording', {})).toMatchObject({ mode: 'off', recording: 0 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await busyRows(core!, offAt - 60_000)).filter((row) => row.t > offAt + 1000)).toEqual([]);
    await call(core!, 'settings:update', { statsRecording: 'auto' });
    expect((await call(core!, 'stats:recording', {})).mode).toBe('always');
    const onAt = Date.now();
    await until('recording to resume', async () =>
      (await busyRows(core!, onAt - 60_000)).some((row) => row.t > onAt) ? true : undefined,
    );
    expect(problems).toEqual([]);
  });
});
