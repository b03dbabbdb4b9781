// An idle container's counters other than CPU time are carried over between full reads (CgroupHandle.read's
// carryMs), on both cgroup versions; a moved CPU time, an expired carry, a limits update or an OOM report make
// the next read full again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CgroupCollector } from '../../../../../main/core/stats/cgroup/cgroup-collector';
import { ReadStatus, type ContainerFacts, type StatsHandle } from '../../../../../main/core/stats/collector';
import { RawReading } from '../../../../../main/core/stats/derive';
import { createFixture, v1Container, v2Container, type CgroupFixture, type V1Counters } from './cgroup-fixture';

const id = 'c'.repeat(64);
const pid = 5151;
const MiB = 1024 ** 2;
let fixture: CgroupFixture;

const facts: ContainerFacts = {
  id,
  name: 'idle',
  running: true,
  pid,
  hostNetwork: false,
  cpuLimitCores: NaN,
  memorySwapBytes: NaN,
  pidsLimit: NaN,
};

const idle: V1Counters = {
  cpuNs: 7e9,
  periods: 20,
  throttled: 2,
  memUsage: 50 * MiB,
  inactiveFile: 0,
  oomKills: 0,
  pids: 2,
  blkRead: 100,
  blkWrite: 200,
};

/** Memory, pids, I/O and network moved while the CPU time did not (the kernel's reclaim, packets nobody read). */
const movedWithoutCpu: V1Counters = { ...idle, memUsage: 40 * MiB, pids: 3, blkWrite: 9000 };
const movedNet = { lo: [5, 5] as [number, number], eth0: [7000, 0] as [number, number] };

beforeEach(() => {
  fixture = createFixture();
});

afterEach(() => fixture.remove());

const versions = [
  ['v1', v1Container, '1'],
  ['v2', v2Container, '2'],
] as const;

describe.each(versions)('cgroup %s: carrying an idle container', (_name, container, cgroupVersion) => {
  function open(): { write: ReturnType<typeof container>; handle: StatsHandle } {
    const write = container(fixture, id, pid);
    write(idle);
    const handle = new CgroupCollector({ procRoot: fixture.procRoot, cgroupRoot: fixture.cgroupRoot }).open(facts, {
      cgroupVersion,
      hostMemoryBytes: 0,
    });
    return { write, handle };
  }

  it('carries the other counters while the CPU time stays, and reads them all once it moves', () => {
    const { write, handle } = open();
    const first = new RawReading();
    expect(handle.read(first, 60_000)).toBe(ReadStatus.Fresh);
    expect(first.countersAt).toBe(first.at);

    write(movedWithoutCpu, movedNet);
    const carried = new RawReading();
    expect(handle.read(carried, 60_000)).toBe(ReadStatus.Fresh);
    expect(carried).toMatchObject({ memUsage: 50 * MiB, pids: 2, blkWrite: 200, netRx: 0, countersAt: first.at });
    expect(carried.at).toBeGreaterThanOrEqual(first.at);

    write({ ...movedWithoutCpu, cpuNs: idle.cpuNs + 1000 }, movedNet);
    const full = new RawReading();
    expect(handle.read(full, 60_000)).toBe(ReadStatus.Fresh);
    expect(full).toMatchObject({ cpuNs: idle.cpuNs + 1000, memUsage: 40 * MiB, pids: 3, blkWrite: 9000, netRx: 7000 });
    expect(full.countersAt).toBe(full.at);
    handle.close();
  });

  it('reads everything with carryMs 0, and once the carry is older than carryMs', async () => {
    const { write, handle } = open();
    const reading = new RawReading();
    handle.read(reading, 0);
    write(movedWithoutCpu);
    handle.read(reading, 0);
    expect(reading.memUsage).toBe(40 * MiB);

    write({ ...movedWithoutCpu, memUsage: 30 * MiB });
    handle.read(reading, 60_000);
    expect(reading.memUsage).toBe(40 * MiB);
    // The last full read is now at least 5 ms old: a 1 ms carry has expired (no bound on how late, only how early).
    await new Promise((resolve) => setTimeout(resolve, 5));
    handle.read(reading, 1);
    expect(reading.memUsage).toBe(30 * MiB);
    handle.close();
  });

  it('a limits update or an OOM report makes the next read full', () => {
    const { write, handle } = open();
    const reading = new RawReading();
    handle.read(reading, 60_000);
    write(movedWithoutCpu);
    handle.limitsChanged(facts);
    handle.read(reading, 60_000);
    expect(reading.memUsage).toBe(40 * MiB);

    write({ ...movedWithoutCpu, pids: 9 });
    handle.oomReported();
    handle.read(reading, 60_000);
    expect(reading.pids).toBe(9);
    handle.close();
  });
});
