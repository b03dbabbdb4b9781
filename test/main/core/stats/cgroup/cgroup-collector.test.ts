import { readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CgroupCollector } from '../../../../../main/core/stats/cgroup/cgroup-collector';
import {
  CollectorUnavailableError,
  ContainerGoneError,
  ReadStatus,
  type ContainerFacts,
} from '../../../../../main/core/stats/collector';
import { RawReading } from '../../../../../main/core/stats/derive';
import { createFixture, v1Container, v2Container, type CgroupFixture } from './cgroup-fixture';

const id = 'b'.repeat(64);
const pid = 4242;
const MiB = 1024 ** 2;
let fixture: CgroupFixture;

function facts(overrides: Partial<ContainerFacts> = {}): ContainerFacts {
  return {
    id,
    name: 'web',
    running: true,
    pid,
    hostNetwork: false,
    cpuLimitCores: NaN,
    memorySwapBytes: NaN,
    pidsLimit: NaN,
    ...overrides,
  };
}

const counters = {
  cpuNs: 5e9,
  periods: 10,
  throttled: 4,
  memUsage: 80 * MiB,
  inactiveFile: 5 * MiB,
  oomKills: 1,
  pids: 3,
  blkRead: 4096,
  blkWrite: 512,
};
/** `counters` as a reading holds them, whichever cgroup version's files they were written to. */
const countersRead = {
  cpuNs: counters.cpuNs,
  periods: counters.periods,
  throttledPeriods: counters.throttled,
  memUsage: counters.memUsage,
  memInactiveFile: counters.inactiveFile,
  oomKills: counters.oomKills,
  pids: counters.pids,
  blkRead: counters.blkRead,
  blkWrite: counters.blkWrite,
};

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

beforeEach(() => {
  fixture = createFixture();
});

afterEach(() => fixture.remove());

describe('CgroupCollector on a v1 tree', () => {
  it('reads counters and limits, and sees new values on every read through the same open files', () => {
    const write = v1Container(fixture, id, pid, {
      quotaUs: 50_000,
      memLimit: 128 * MiB,
      memsw: 256 * MiB,
      pidsMax: '100',
    });
    write(counters, { lo: [9, 9], eth0: [1000, 10], eth1: [24, 0] });
    const collector = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot });
    const handle = collector.open(facts(), { cgroupVersion: '1', hostMemoryBytes: 24 * 1024 * MiB });
    const reading = new RawReading();
    expect(handle.read(reading)).toBe(ReadStatus.Fresh);
    expect(reading).toMatchObject({
      ...countersRead,
      netRx: 1024,
      netTx: 10,
      cpuLimitCores: 0.5,
      memLimit: 128 * MiB,
      swapLimit: 256 * MiB,
      pidsLimit: 100,
    });
    write({ ...counters, cpuNs: 6e9, memUsage: 90 * MiB, pids: 4 });
    handle.read(reading);
    expect(reading).toMatchObject({ cpuNs: 6e9, memUsage: 90 * MiB, pids: 4, netRx: 0 });
    handle.close();
  });

  it('limits are re-read when the engine reports an update, not on every read', () => {
    const write = v1Container(fixture, id, pid, { memsw: null });
    write(counters);
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(facts(), {
      cgroupVersion: '1',
      hostMemoryBytes: 0,
    });
    const reading = new RawReading();
    handle.read(reading);
    expect(reading.cpuLimitCores).toBeNaN();
    // No memory.memsw.limit_in_bytes: swap is not accounted, so there is no such limit.
    expect(reading.swapLimit).toBeNaN();
    fixture.cgroupFile(`cpu,cpuacct/docker/${id}/cpu.cfs_quota_us`, '150000\n');
    handle.read(reading);
    expect(reading.cpuLimitCores).toBeNaN();
    handle.limitsChanged(facts());
    handle.read(reading);
    expect(reading.cpuLimitCores).toBe(1.5);
    handle.close();
  });

  it('reads files larger than the shared buffer whole (a host with hundreds of interfaces)', () => {
    const write = v1Container(fixture, id, pid);
    const interfaces = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`veth${i}`, [1, 2] as [number, number]]),
    );
    write({ ...counters, cpuNs: 7e9 }, interfaces);
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(facts(), {
      cgroupVersion: '1',
      hostMemoryBytes: 0,
    });
    const reading = new RawReading();
    handle.read(reading);
    expect([reading.netRx, reading.netTx]).toEqual([400, 800]);
    // Files read after the buffer grew are parsed from the new buffer too.
    expect(reading.cpuNs).toBe(7e9);
    handle.read(reading);
    expect([reading.netRx, reading.netTx, reading.memUsage]).toEqual([400, 800, 80 * MiB]);
    handle.close();
  });

  it('host network: no network counters, and net/dev is not opened', () => {
    v1Container(fixture, id, pid)(counters);
    const before = openFds();
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(
      facts({ hostNetwork: true }),
      { cgroupVersion: '1', hostMemoryBytes: 0 },
    );
    const reading = new RawReading();
    handle.read(reading);
    expect(reading.netRx).toBeNaN();
    // cpuacct.usage, cpu.stat, memory.usage_in_bytes, memory.stat, memory.oom_control, pids.current, blkio.
    expect(openFds() - before).toBe(7);
    handle.close();
    expect(openFds()).toBe(before);
  });

  it('a process that is gone is ContainerGoneError; a foreign cgroup is CollectorUnavailableError', () => {
    const collector = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot });
    expect(() => collector.open(facts({ pid: 9999 }), { cgroupVersion: '1', hostMemoryBytes: 0 })).toThrow(
      ContainerGoneError,
    );
    expect(() => collector.open(facts({ running: false, pid: 0 }), { cgroupVersion: '1', hostMemoryBytes: 0 })).toThrow(
      ContainerGoneError,
    );
    fixture.procFile(`${pid}/cgroup`, '4:memory:/\n2:cpuacct:/\n');
    expect(() => collector.open(facts(), { cgroupVersion: '1', hostMemoryBytes: 0 })).toThrow(
      CollectorUnavailableError,
    );
  });

  it('a failed open leaves no file open', () => {
    // /proc/<pid>/cgroup and the cgroup dirs exist, but memory.stat does not, while the process still runs.
    v1Container(fixture, id, pid)(counters);
    rmSync(`${fixture.cgroupRoot}/memory/docker/${id}/memory.stat`);
    const before = openFds();
    const collector = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot });
    expect(() => collector.open(facts(), { cgroupVersion: '1', hostMemoryBytes: 0 })).toThrow(
      CollectorUnavailableError,
    );
    expect(openFds()).toBe(before);
  });
});

describe('CgroupCollector on a v2 tree', () => {
  it('reads cpu.stat, memory, events, pids, io.stat and the limits', () => {
    const write = v2Container(fixture, id, pid, {
      cpuMax: '50000 100000',
      memMax: String(128 * MiB),
      swapMax: String(64 * MiB),
      pidsMax: '50',
    });
    write(counters, { lo: [1, 1], eth0: [300, 200] });
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(facts(), {
      cgroupVersion: '2',
      hostMemoryBytes: 0,
    });
    const reading = new RawReading();
    expect(handle.read(reading)).toBe(ReadStatus.Fresh);
    expect(reading).toMatchObject({
      ...countersRead,
      netRx: 300,
      netTx: 200,
      cpuLimitCores: 0.5,
      memLimit: 128 * MiB,
      // v2 limits swap alone; the row shows memory + swap like docker's MemorySwap.
      swapLimit: 192 * MiB,
      pidsLimit: 50,
    });
    handle.close();
  });

  it('"max" everywhere reads as no limit', () => {
    v2Container(fixture, id, pid)(counters);
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(facts(), {
      cgroupVersion: '',
      hostMemoryBytes: 0,
    });
    const reading = new RawReading();
    handle.read(reading);
    expect(reading.cpuLimitCores).toBeNaN();
    expect(reading.memLimit).toBe(Infinity);
    expect(reading.swapLimit).toBeNaN();
    expect(reading.pidsLimit).toBe(Infinity);
    handle.close();
  });
});
