// Which collector reads a container (auto, forced), and the API collector's handling of a stats stream, with a
// fake engine client whose stats streams the test writes frames into.
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/core/logger';
import { ApiCollector } from '../../../../main/core/stats/api/api-collector';
import type { StatsFrame } from '../../../../main/core/stats/api/api-frame';
import {
  CollectorUnavailableError,
  ReadStatus,
  type ContainerFacts,
  type StatsHandle,
} from '../../../../main/core/stats/collector';
import { CollectorChoice, type StatsCollectorChoice } from '../../../../main/core/stats/collector-choice';
import { RawReading } from '../../../../main/core/stats/derive';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import { createFixture, v1Container, type CgroupFixture } from './cgroup/cgroup-fixture';

const id = 'd'.repeat(64);
const engine = { cgroupVersion: '1', hostMemoryBytes: 0 };
const counters = {
  cpuNs: 1,
  periods: 0,
  throttled: 0,
  memUsage: 1,
  inactiveFile: 0,
  oomKills: 0,
  pids: 1,
  blkRead: 0,
  blkWrite: 0,
};
const facts = (pid: number): ContainerFacts => ({
  id,
  name: 'web',
  running: true,
  pid,
  hostNetwork: false,
  cpuLimitCores: 0.5,
  memorySwapBytes: NaN,
  pidsLimit: NaN,
});
const connected = (host: string) =>
  ({ state: 'connected', endpoint: { host, source: 'DOCKER_HOST' }, info: {}, since: 0 }) as unknown as EngineStatus;

let fixture: CgroupFixture;
let streams: PassThrough[];
const handles: StatsHandle[] = [];
const client = () =>
  ({
    getContainer: () => ({
      stats: async () => {
        const stream = new PassThrough();
        streams.push(stream);
        return stream;
      },
    }),
  }) as unknown as Dockerode;

function chooser(choice: StatsCollectorChoice, host = 'unix:///var/run/docker.sock') {
  // A fake /proc/self/cgroup, as a host with a cgroup filesystem has.
  fixture.procFile('self/cgroup', '0::/\n');
  fixture.cgroupFile('.keep', '');
  const result = new CollectorChoice({
    choice,
    procRoot: fixture.procRoot,
    cgroupRoot: fixture.cgroupRoot,
    client,
    log: silentLogger,
  });
  result.connected(connected(host));
  return result;
}

function open(choice: CollectorChoice, pid: number) {
  const opened = choice.open(facts(pid), engine);
  handles.push(opened.handle);
  return opened;
}

beforeEach(() => {
  fixture = createFixture();
  streams = [];
  v1Container(fixture, id, 10)(counters);
  // Pid 20 is some other process: its cgroup does not name the container (an engine in a VM, say).
  fixture.procFile('20/cgroup', '4:memory:/user.slice\n2:cpuacct:/user.slice\n');
});

afterEach(() => {
  for (const handle of handles.splice(0)) handle.close();
  fixture.remove();
});

describe('CollectorChoice', () => {
  it('auto on a local engine with readable cgroup files picks the cgroup collector', () => {
    const choice = chooser('auto');
    expect(choice.kind).toBe('cgroup');
    expect(open(choice, 10).kind).toBe('cgroup');
  });

  it('auto falls back to the API when the first container is not readable here, for the whole engine', () => {
    const choice = chooser('auto');
    expect(open(choice, 20).kind).toBe('api');
    expect(choice.kind).toBe('api');
    expect(open(choice, 10).kind).toBe('api');
    // A new connection decides again.
    choice.connected(connected('unix:///var/run/docker.sock'));
    expect(open(choice, 10).kind).toBe('cgroup');
  });

  it('auto on a remote engine uses the API without trying files', () => {
    const choice = chooser('auto', 'tcp://10.0.0.1:2376');
    expect(choice.kind).toBe('api');
    expect(open(choice, 10).kind).toBe('api');
  });

  it('forced modes do not fall back', () => {
    expect(() => open(chooser('cgroup'), 20)).toThrow(CollectorUnavailableError);
    expect(open(chooser('api'), 10).kind).toBe('api');
  });
});

describe('ApiCollector', () => {
  const frame = (total: number, preTotal: number, read = '2026-11-27T21:00:00Z'): StatsFrame => ({
    read,
    cpu_stats: { cpu_usage: { total_usage: total }, system_cpu_usage: 2e9, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: preTotal }, system_cpu_usage: preTotal ? 1e9 : 0, online_cpus: 2 },
    memory_stats: { usage: 1000, limit: 5000, stats: { total_inactive_file: 100 } },
  });
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  async function openApi(): Promise<{ handle: StatsHandle; stream: PassThrough }> {
    const handle = new ApiCollector(client, silentLogger).open(facts(1));
    handles.push(handle);
    await flush();
    return { handle, stream: streams.at(-1) as PassThrough };
  }

  it('keeps the newest frame, even split across chunks, and has nothing new until the next one', async () => {
    const { handle, stream } = await openApi();
    const reading = new RawReading();
    expect(handle.read(reading)).toBe(ReadStatus.Stale);
    const text = `${JSON.stringify(frame(5e8, 0))}\n${JSON.stringify(frame(1e9, 5e8))}\n`;
    stream.write(text.slice(0, 50));
    stream.write(text.slice(50));
    await flush();
    expect(handle.read(reading)).toBe(ReadStatus.Fresh);
    // (1e9 − 5e8) / (2e9 − 1e9) × 2 CPUs × 100.
    expect(reading.cpuPercent).toBe(100);
    expect(reading.memUsage - reading.memInactiveFile).toBe(900);
    expect(reading.cpuLimitCores).toBe(0.5);
    expect(handle.read(reading)).toBe(ReadStatus.Stale);
  });

  it('an empty frame (container stopped) or the end of the stream ends the series, once', async () => {
    const first = await openApi();
    first.stream.write(`${JSON.stringify({ read: '0001-01-01T00:00:00Z' })}\n`);
    await flush();
    expect(first.handle.read(new RawReading())).toBe(ReadStatus.Gone);
    expect(first.handle.goneReason).toBe('the container stopped');
    const second = await openApi();
    second.stream.end();
    await flush();
    expect(second.handle.read(new RawReading())).toBe(ReadStatus.Gone);
    expect(second.handle.goneReason).toMatch(/ended its stats stream/);
  });

  it('closing aborts the stream, and that is not an end of the series', async () => {
    const { handle, stream } = await openApi();
    handle.close();
    await flush();
    expect(stream.destroyed).toBe(true);
    expect(handle.goneReason).toBe('');
  });

  it("counts the engine's OOM events, which frames do not carry", async () => {
    const { handle, stream } = await openApi();
    handle.oomReported();
    handle.oomReported();
    stream.write(`${JSON.stringify(frame(1, 0))}\n`);
    await flush();
    const reading = new RawReading();
    handle.read(reading);
    expect(reading.oomKills).toBe(2);
  });
});
