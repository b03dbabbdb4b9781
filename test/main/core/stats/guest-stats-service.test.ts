// StatsService with an engine that offers an in-guest stats stream: auto mode picks it and says so, ticks carry
// its rows, and a failed stream moves the engine's containers to the engine's API. Also the line source over a
// local command: lines as printed, and a command that ends reported with its exit and stderr.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineLink } from '../../../../main/core/connection/engine-link';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { F } from '../../../../main/shared/stats-types';
import { spawnGuestStats } from '../../../../main/core/guest-stats/guest-source';
import { StatsService } from '../../../../main/core/stats/stats-service';
import type { EngineInfo, EngineStatus } from '../../../../main/shared/engine-types';
import { HubRecorder } from '../hub-recorder';
import { FakeGuestSource, guestEntry } from './guest/guest-fake-source';

const MiB = 1024 ** 2;
const id = 'e'.repeat(64);
const info = { cgroupVersion: '2', memoryBytes: 1024 * MiB } as EngineInfo;
const status: EngineStatus = {
  state: 'connected',
  endpoint: { host: 'ssh://vm', source: 'DOCKER_HOST' },
  info,
  since: 0,
};
const container = { Id: id, Name: '/web', State: { Running: true, Pid: 1 }, HostConfig: {} };

let hub: EventHub;
let recorder: HubRecorder;
let sources: FakeGuestSource[];
let service: StatsService;

function link(): EngineLink {
  return {
    status,
    reconnect: async () => status,
    onEngineEvent: () => () => undefined,
    onConnected: () => () => undefined,
    onStatus: () => () => undefined,
    guestStats: () => {
      const source = new FakeGuestSource();
      sources.push(source);
      return source;
    },
    client: () =>
      ({
        getContainer: () => ({ inspect: async () => structuredClone(container), stats: async () => new PassThrough() }),
        listContainers: async () => [{ Id: id }],
      }) as never,
  };
}

const running = () => sources.find((source) => source.started && !source.closed) as FakeGuestSource;

beforeEach(() => {
  hub = new EventHub();
  recorder = new HubRecorder(hub);
  sources = [];
  service = new StatsService({
    connection: link(),
    hub,
    log: silentLogger,
    collector: 'auto',
    intervalMs: 50,
    historySeconds: 1,
  });
});

afterEach(async () => {
  await service.dispose();
  recorder.dispose();
});

describe('StatsService with an in-guest collector', () => {
  it('auto mode reads from the guest stream, says so, and falls back to the API when it fails', async () => {
    const result = await service.watch('client', { all: false, ids: ['web'] });
    expect(result.collector).toBe('guest');
    expect(service.collectorOf(id)).toBe('guest');
    let t = 1000;
    const feed = setInterval(() => running()?.push({ t: (t += 50), c: [guestEntry(id)] }), 20);
    try {
      const tick = await recorder.next(
        'stats:tick',
        (payload) => payload.samples.length > 0,
        3000,
        'a row from the guest stream',
      );
      expect(tick.payload.samples[0].v[F.memBytes]).toBe(80 * MiB);
    } finally {
      clearInterval(feed);
    }
    running().fail('the SSH channel closed');
    await vi.waitFor(() => expect(service.collectorOf(id)).toBe('api'));
    expect((await service.watch('client', { all: false, ids: ['web'] })).collector).toBe('api');
  });
});

describe('always-on recording with an in-guest collector', () => {
  it('collects every container nobody watches while the guest stream works, only watched ones after the API takes over', async () => {
    service.setRecording(true);
    await vi.waitFor(() => expect(service.collectorOf(id)).toBe('guest'));
    expect(service.recording()).toMatchObject({ mode: 'always', collector: 'guest', recording: 1 });
    running().fail('the SSH channel closed');
    // A remote engine without the guest stream: one API stream per container, so recording becomes on demand.
    await vi.waitFor(() => expect(service.recording()).toMatchObject({ mode: 'on-demand', collector: 'api' }));
    await vi.waitFor(() => expect(service.collectorOf(id)).toBeNull());
    expect(service.recording().recording).toBe(0);
    // A window watching it still gets it, from the API.
    await service.watch('client', { all: false, ids: [id] });
    expect(service.collectorOf(id)).toBe('api');
    service.setRecording(false);
    expect(service.recording().mode).toBe('off');
  });
});

describe('spawnGuestStats', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'berth-guest-cmd-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('yields the lines, then reports how the command ended and what it said on stderr', async () => {
    const command = join(dir, 'fake-stats');
    writeFileSync(
      command,
      '#!/bin/sh\necho "interval $1"\nprintf \'{"t":1,"c":[]}\\n\\n{"t":2,\'\necho \'"c":[]}\'\necho "cgroup v2 not mounted" >&2\nexit 3\n',
    );
    chmodSync(command, 0o755);
    const lines: string[] = [];
    const source = spawnGuestStats(command, 250);
    await expect(
      (async () => {
        for await (const line of source.lines) lines.push(line);
      })(),
    ).rejects.toThrow(/ended \(exit code 3\): cgroup v2 not mounted/);
    expect(lines).toEqual(['interval 250', '{"t":1,"c":[]}', '{"t":2,"c":[]}']);
  });

  it('ends quietly when closed while the command runs', async () => {
    const command = join(dir, 'forever');
    writeFileSync(command, '#!/bin/sh\nwhile :; do echo tick; sleep 0.05; done\n');
    chmodSync(command, 0o755);
    const source = spawnGuestStats(command, 50);
    const seen: string[] = [];
    for await (const line of source.lines) {
      seen.push(line);
      source.close();
    }
    expect(seen).toEqual(['tick']);
  });
});
