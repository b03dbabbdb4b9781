import { describe, expect, it } from 'vitest';
import {
  dockerCpuPercent,
  frameThrottledPercent,
  frameToReading,
  isStoppedFrame,
  type StatsFrame,
} from '../../../../../main/core/stats/api/api-frame';
import type { ContainerFacts } from '../../../../../main/core/stats/collector';
import { cpuLimitFromHostConfig } from '../../../../../main/core/stats/container-facts';
import { RawReading } from '../../../../../main/core/stats/derive';

const facts: ContainerFacts = {
  id: 'c'.repeat(64),
  name: 'web',
  running: true,
  pid: 1,
  hostNetwork: false,
  cpuLimitCores: 0.5,
  memorySwapBytes: 256 * 1024 ** 2,
  pidsLimit: NaN,
};

/** Shaped like a real engine 20.10 (cgroup v1) frame of a busy container limited to half a core. */
const v1Frame: StatsFrame = {
  read: '2026-11-27T21:09:57.812499696Z',
  pids_stats: { current: 1 },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: 'Read', value: 4096 },
      { op: 'Write', value: 100 },
      { op: 'Sync', value: 4196 },
      { op: 'Total', value: 4196 },
    ],
  },
  cpu_stats: {
    cpu_usage: { total_usage: 29205167739, percpu_usage: [16761170133, 12443997606] },
    system_cpu_usage: 4040190000000,
    online_cpus: 2,
    throttling_data: { periods: 587, throttled_periods: 580 },
  },
  precpu_stats: {
    cpu_usage: { total_usage: 28702455732, percpu_usage: [16303387634, 12399068098] },
    system_cpu_usage: 4038220000000,
    online_cpus: 2,
    throttling_data: { periods: 576, throttled_periods: 569 },
  },
  memory_stats: { usage: 331776, limit: 134217728, stats: { inactive_file: 1, total_inactive_file: 8192 } },
  networks: { eth0: { rx_bytes: 946, tx_bytes: 10 }, eth1: { rx_bytes: 4, tx_bytes: 0 } },
};

describe('engine stats frames', () => {
  it('CPU % as the docker CLI computes it: (Δcontainer / Δsystem) × online CPUs × 100', () => {
    // 502712007 ns of container time over 1970000000 ns of system time, on 2 CPUs.
    expect(dockerCpuPercent(v1Frame)).toBeCloseTo((502712007 / 1970000000) * 2 * 100, 6);
    // A stream's first frame has empty previous values: no CPU % yet.
    expect(
      dockerCpuPercent({ ...v1Frame, precpu_stats: { cpu_usage: { total_usage: 0 }, system_cpu_usage: 0 } }),
    ).toBeNaN();
    // Without online_cpus, the number of per-CPU entries.
    expect(dockerCpuPercent({ ...v1Frame, cpu_stats: { ...v1Frame.cpu_stats, online_cpus: undefined } })).toBeCloseTo(
      51.04,
      1,
    );
  });

  it('throttled % within the frame', () => {
    expect(frameThrottledPercent(v1Frame)).toBeCloseTo((11 / 11) * 100);
    expect(frameThrottledPercent({ ...v1Frame, precpu_stats: {} })).toBeNaN();
  });

  it('a v1 frame becomes a reading: memory minus total_inactive_file, sums of networks and Read/Write', () => {
    const reading = new RawReading();
    frameToReading(v1Frame, facts, 2, 5, reading);
    expect(reading).toMatchObject({
      at: Date.parse('2026-11-27T21:09:57.812Z'),
      memUsage: 331776,
      memInactiveFile: 8192,
      memLimit: 134217728,
      swapLimit: 256 * 1024 ** 2,
      cpuLimitCores: 0.5,
      netRx: 950,
      netTx: 10,
      blkRead: 4096,
      blkWrite: 100,
      pids: 1,
      oomKills: 2,
      periods: 587,
      throttledPeriods: 580,
    });
    expect(reading.pidsLimit).toBeNaN();
  });

  it('a v2 frame: inactive_file, lower-case ops; no networks (host network) is unknown', () => {
    const reading = new RawReading();
    const v2Frame: StatsFrame = {
      ...v1Frame,
      memory_stats: { usage: 1000, limit: 2000, stats: { inactive_file: 300 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'read', value: 7 },
          { op: 'write', value: 9 },
        ],
      },
      networks: undefined,
    };
    frameToReading(v2Frame, facts, 0, 5, reading);
    expect(reading).toMatchObject({ memUsage: 1000, memInactiveFile: 300, blkRead: 7, blkWrite: 9 });
    expect(reading.netRx).toBeNaN();
    // A null list is no I/O yet.
    frameToReading({ ...v2Frame, blkio_stats: { io_service_bytes_recursive: null } }, facts, 0, 5, reading);
    expect([reading.blkRead, reading.blkWrite]).toEqual([0, 0]);
  });

  it('the engine keeps streaming empty frames after the container stops', () => {
    expect(isStoppedFrame({ read: '0001-01-01T00:00:00Z' })).toBe(true);
    expect(isStoppedFrame(v1Frame)).toBe(false);
  });

  it('CPU limit from HostConfig: NanoCpus, or CpuQuota over CpuPeriod (100 ms by default)', () => {
    expect(cpuLimitFromHostConfig({ NanoCpus: 1.5e9 })).toBe(1.5);
    expect(cpuLimitFromHostConfig({ CpuQuota: 50_000 })).toBe(0.5);
    expect(cpuLimitFromHostConfig({ CpuQuota: 50_000, CpuPeriod: 200_000 })).toBe(0.25);
    expect(cpuLimitFromHostConfig({ NanoCpus: 0, CpuQuota: 0 })).toBeNaN();
  });
});
