// The guest collector fed recorded frame sequences: the rows a series makes of them (CPU rate over the guest's
// clock, memory as docker counts it, limits, throttling, rates, OOM kills), containers leaving the frames,
// unreadable lines, a clock stepped back, and the chooser's fallback when the stream fails.
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../../main/core/logger';
import { CollectorUnavailableError, ReadStatus, type ContainerFacts } from '../../../../../main/core/stats/collector';
import { CollectorChoice, type StatsCollectorChoice } from '../../../../../main/core/stats/collector-choice';
import { RawReading } from '../../../../../main/core/stats/derive';
import { F, statsFieldCount } from '../../../../../main/shared/stats-types';
import { Series } from '../../../../../main/core/stats/series';
import type { EngineStatus } from '../../../../../main/shared/engine-types';
import { FakeGuestSource, flush, guestEntry, type GuestEntry } from './guest-fake-source';

const MiB = 1024 ** 2;
const id = 'a'.repeat(64);
const other = 'b'.repeat(64);
const engine = { cgroupVersion: '2', hostMemoryBytes: 1024 * MiB };
const facts = (containerId = id): ContainerFacts => ({
  id: containerId,
  name: containerId.slice(0, 3),
  running: true,
  pid: 0,
  hostNetwork: false,
  cpuLimitCores: 0.5,
  memorySwapBytes: 512 * MiB,
  pidsLimit: NaN,
});
const remote = {
  state: 'connected',
  endpoint: { host: 'ssh://vm', source: 'berth' },
  info: {},
  since: 0,
} as unknown as EngineStatus;
const client = () => ({ getContainer: () => ({ stats: async () => new PassThrough() }) }) as unknown as Dockerode;

let sources: FakeGuestSource[];
let offer: boolean;
let warnings: string[];
let fellBack: number;
const log: Logger = {
  info: () => undefined,
  warn: (line) => warnings.push(line),
  error: (line) => warnings.push(line),
};

function chooser(choice: StatsCollectorChoice = 'auto'): CollectorChoice {
  const result = new CollectorChoice({
    choice,
    procRoot: '/nonexistent/proc',
    cgroupRoot: '/nonexistent/cgroup',
    client,
    log,
    intervalMs: 1000,
    guestStats: () => {
      if (!offer) return null;
      const source = new FakeGuestSource();
      sources.push(source);
      return source;
    },
    fellBack: () => (fellBack += 1),
  });
  result.connected(remote);
  return result;
}

/** The stream the collector started (probes made by `connected` are closed without being read). */
const stream = (): FakeGuestSource => {
  const started = sources.filter((source) => source.started);
  return started[started.length - 1];
};

function collect(choice: CollectorChoice, containerFacts = facts()) {
  const opened = choice.open(containerFacts, engine);
  const series = new Series(containerFacts.id, 60, 60_000, 500);
  series.begin(opened.handle, opened.kind, containerFacts);
  const row = new Float64Array(statsFieldCount);
  return { opened, series, row, sample: () => series.sample(Date.now(), engine.hostMemoryBytes, row) };
}

const frame = (t: number, ...c: GuestEntry[]) => ({ t, c });

beforeEach(() => {
  sources = [];
  offer = true;
  warnings = [];
  fellBack = 0;
});

afterEach(() => {
  for (const source of sources) source.close();
});

describe('GuestCollector through a series', () => {
  it('turns two frames into CPU %, docker-style memory, limits, and network and block rates', async () => {
    const choice = chooser();
    expect(choice.kind).toBe('guest');
    // Asking whether the engine offers a stream starts none.
    expect(sources.some((source) => source.started)).toBe(false);
    const { opened, sample, row } = collect(choice);
    expect(opened.kind).toBe('guest');
    await flush();
    stream().push(frame(10_000, guestEntry(id)));
    await flush();
    expect(sample()).toBe(ReadStatus.Fresh);
    expect(row[F.memBytes]).toBe(80 * MiB);
    expect(Number.isNaN(row[F.cpuPercent])).toBe(true);
    stream().push(
      frame(
        12_000,
        guestEntry(id, { cpuUsec: 2_000_000, rxBytes: 5000, txBytes: 900, readBytes: 8192, writeBytes: 4096, pids: 5 }),
      ),
    );
    await flush();
    expect(sample()).toBe(ReadStatus.Fresh);
    // 1 s of CPU over 2 s of the guest's clock.
    expect(row[F.cpuPercent]).toBe(50);
    expect(row[F.netRxBytesPerSec]).toBe(2000);
    expect(row[F.netTxBytesPerSec]).toBe(200);
    expect(row[F.blkReadBytesPerSec]).toBe(4096);
    expect(row[F.blkWriteBytesPerSec]).toBe(2048);
    expect(row[F.memLimitBytes]).toBe(256 * MiB);
    expect(row[F.swapLimitBytes]).toBe(512 * MiB);
    expect(row[F.cpuLimitCores]).toBe(0.5);
    expect(row[F.pids]).toBe(5);
    expect(row[F.pidsLimit]).toBe(64);
    // No new frame since: nothing new to show.
    expect(sample()).toBe(ReadStatus.Stale);
  });

  it('shows no limit for "max" and follows docker update through the inspect facts', async () => {
    const { opened, sample, row } = collect(chooser());
    await flush();
    stream().push(frame(1000, guestEntry(id, { memMaxBytes: null, pidsMax: null })));
    await flush();
    sample();
    expect(Number.isNaN(row[F.memLimitBytes])).toBe(true);
    expect(Number.isNaN(row[F.pidsLimit])).toBe(true);
    opened.handle.limitsChanged({ ...facts(), cpuLimitCores: 1.5 });
    stream().push(frame(2000, guestEntry(id, { memMaxBytes: 64 * MiB })));
    await flush();
    sample();
    expect(row[F.cpuLimitCores]).toBe(1.5);
    expect(row[F.memLimitBytes]).toBe(64 * MiB);
  });

  it('computes throttling from nr_throttled over elapsed periods, or over nr_periods when the guest sends it', async () => {
    const { sample, row } = collect(chooser());
    await flush();
    stream().push(frame(1000, guestEntry(id, { nrThrottled: 0 })));
    await flush();
    sample();
    // 1 s is ten 100 ms periods; five were throttled.
    stream().push(frame(2000, guestEntry(id, { nrThrottled: 5 })));
    await flush();
    sample();
    expect(row[F.throttledPercent]).toBe(50);
    stream().push(frame(3000, { ...guestEntry(id, { nrThrottled: 7 }), nrPeriods: 100 } as GuestEntry));
    await flush();
    sample();
    stream().push(frame(4000, { ...guestEntry(id, { nrThrottled: 8 }), nrPeriods: 104 } as GuestEntry));
    await flush();
    sample();
    expect(row[F.throttledPercent]).toBe(25);
  });

  it('counts OOM kills since the series began', async () => {
    const { sample, row } = collect(chooser());
    await flush();
    stream().push(frame(1000, guestEntry(id, { oomKills: 2 })));
    await flush();
    sample();
    expect(row[F.oomKills]).toBe(0);
    stream().push(frame(2000, guestEntry(id, { oomKills: 3 })));
    await flush();
    sample();
    expect(row[F.oomKills]).toBe(1);
  });

  it('keeps rates right when the guest clock steps back', async () => {
    const { sample, row } = collect(chooser());
    await flush();
    stream().push(frame(5000, guestEntry(id, { cpuUsec: 0 })));
    await flush();
    sample();
    // Stepped back by an hour: counted as one interval, the guest prints a frame per interval.
    stream().push(frame(5000 - 3_600_000, guestEntry(id, { cpuUsec: 250_000 })));
    await flush();
    expect(sample()).toBe(ReadStatus.Fresh);
    expect(row[F.cpuPercent]).toBe(25);
    stream().push(frame(5000 - 3_600_000 + 2000, guestEntry(id, { cpuUsec: 1_250_000 })));
    await flush();
    expect(sample()).toBe(ReadStatus.Fresh);
    expect(row[F.cpuPercent]).toBe(50);
  });

  it('skips an unreadable line with one log line and carries on', async () => {
    const { sample, row } = collect(chooser());
    await flush();
    stream().push(
      frame(1000, guestEntry(id)),
      '{"t": 2000, "c": [',
      '[1,2]',
      frame(2000, guestEntry(id, { cpuUsec: 1_100_000 })),
    );
    await flush();
    expect(warnings.filter((line) => line.includes('unreadable in-guest stats line'))).toHaveLength(2);
    expect(sample()).toBe(ReadStatus.Fresh);
    expect(row[F.memBytes]).toBe(80 * MiB);
    expect(fellBack).toBe(0);
  });

  it('ends a container that leaves the frames like a stopped one, and stops the stream with the last handle', async () => {
    const choice = chooser();
    const a = collect(choice);
    const b = collect(choice, facts(other));
    await flush();
    stream().push(frame(1000, guestEntry(id), guestEntry(other)));
    await flush();
    expect(a.sample()).toBe(ReadStatus.Fresh);
    stream().push(frame(2000, guestEntry(other)));
    await flush();
    expect(a.sample()).toBe(ReadStatus.Gone);
    expect(a.opened.handle.goneReason).toBe('the container stopped (its cgroup is gone)');
    expect(b.sample()).toBe(ReadStatus.Fresh);
    expect(stream().closed).toBe(false);
    b.series.stop(Date.now(), 'idle');
    expect(stream().closed).toBe(true);
  });

  it('gives a just-started container a few frames to appear before ending it', async () => {
    const { sample, opened } = collect(chooser());
    await flush();
    stream().push(frame(1000), frame(2000));
    await flush();
    expect(sample()).toBe(ReadStatus.Stale);
    stream().push(frame(3000));
    await flush();
    expect(sample()).toBe(ReadStatus.Gone);
    expect(opened.handle.goneReason).toMatch(/does not see its cgroup/);
  });

  it('takes the newest frame of a running stream as the baseline of a container opened later', async () => {
    const choice = chooser();
    collect(choice, facts(other));
    await flush();
    stream().push(frame(1000, guestEntry(id, { cpuUsec: 0 }), guestEntry(other)));
    await flush();
    const { sample, row } = collect(choice);
    stream().push(frame(2000, guestEntry(id, { cpuUsec: 100_000 }), guestEntry(other)));
    await flush();
    expect(sample()).toBe(ReadStatus.Fresh);
    expect(row[F.cpuPercent]).toBe(10);
  });
});

describe('CollectorChoice with an in-guest collector', () => {
  it('falls back to the API for the engine when the stream fails, saying why, until the engine reconnects', async () => {
    const choice = chooser();
    const { sample, opened } = collect(choice);
    await flush();
    stream().fail('berth-guest-stats: not found');
    await flush();
    expect(fellBack).toBe(1);
    expect(choice.kind).toBe('api');
    expect(warnings.join('\n')).toMatch(
      /in-guest stats collector stopped \(berth-guest-stats: not found\): using the engine stats API/,
    );
    expect(sample()).toBe(ReadStatus.Gone);
    expect(opened.handle.goneReason).toMatch(/not found/);
    const again = choice.open(facts(), engine);
    expect(again.kind).toBe('api');
    again.handle.close();
    choice.connected(remote);
    expect(choice.kind).toBe('guest');
  });

  it('without an offer, auto mode picks as before, and forced guest mode refuses', () => {
    offer = false;
    expect(chooser().kind).toBe('api');
    expect(() => chooser('guest').open(facts(), engine)).toThrow(CollectorUnavailableError);
  });

  it('forced guest mode ends the series when the stream ends, without falling back', async () => {
    const { sample } = collect(chooser('guest'));
    await flush();
    stream().end();
    await flush();
    expect(sample()).toBe(ReadStatus.Gone);
    expect(fellBack).toBe(0);
  });

  it('reads nothing into a reading before the first frame', () => {
    const { opened } = collect(chooser());
    expect(opened.handle.read(new RawReading())).toBe(ReadStatus.Stale);
  });
});
