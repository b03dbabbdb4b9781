// The "VM vs containers" rows: sums over running containers only, CPU in % of the VM's CPUs, sizes of what was allotted.
import { describe, expect, it } from 'vitest';
import { statsFields } from '../../../../main/shared/stats-types';
import { compactSummary, containersUse, usageRows } from '../../../../renderer/src/pages/engine/vm-usage-model';

const values = (cpu: number, mem: number) =>
  statsFields.map((field) => (field === 'cpuPercent' ? cpu : field === 'memBytes' ? mem : null));
const GIB = 1024 ** 3;

describe('containersUse', () => {
  it('sums the running containers and leaves out ended series', () => {
    const latest = new Map([
      ['a', { id: 'a', t: 1, values: values(50, GIB / 2), ended: null }],
      ['b', { id: 'b', t: 1, values: values(30, GIB / 4), ended: null }],
      ['c', { id: 'c', t: 1, values: values(99, GIB), ended: { t: 2, reason: 'stopped' } }],
    ]);
    expect(containersUse(latest)).toEqual({ running: 2, cpuPercent: 80, memBytes: 0.75 * GIB });
  });
});

describe('usageRows', () => {
  const size = { cpus: 2, memoryMiB: 2048, diskGiB: 32 };
  const usage = {
    memTotalBytes: 2 * GIB,
    memUsedBytes: GIB,
    cpuBusyPercent: 50,
    diskTotalBytes: 32 * GIB,
    diskUsedBytes: 8 * GIB,
    hostMemBytes: null,
    hostDiskBytes: null,
  };

  it('puts the VM next to its containers, CPU in % of the VM', () => {
    const [cpu, memory, disk] = usageRows(size, usage, { running: 1, cpuPercent: 80, memBytes: GIB / 2 }, 4 * GIB);
    expect(cpu.allotted).toBe('2 CPUs');
    expect(cpu.bars.map((bar) => [bar.label, bar.percent, bar.text])).toEqual([
      ['VM', 50, '50% of 2 CPUs'],
      ['Containers', 40, '40% (80% of one core)'],
    ]);
    expect(memory.allotted).toBe('2 GiB');
    expect(memory.bars.map((bar) => bar.text)).toEqual(['1 GiB of 2 GiB (50%)', '512 MiB of 2 GiB (25%)']);
    expect(disk.bars.map((bar) => bar.text)).toEqual(['8 GiB of 32 GiB (25%)', '4 GiB of 32 GiB (13%)']);
  });

  it("says QEMU's memory as a size, not a share: it includes QEMU itself and can pass the VM's", () => {
    const [, memory] = usageRows(size, { ...usage, hostMemBytes: 3 * GIB }, null, null);
    expect(memory.bars[1]).toEqual({ label: 'On the host', kind: 'host', percent: 100, text: '3 GiB in QEMU' });
  });

  it("puts the host's cost (QEMU's memory, the disk file's real size) between the VM and its containers", () => {
    const withHost = { ...usage, hostMemBytes: 1.5 * GIB, hostDiskBytes: 9 * GIB };
    const [, memory, disk] = usageRows(size, withHost, { running: 1, cpuPercent: 80, memBytes: GIB / 2 }, 4 * GIB);
    expect(memory.bars.map((bar) => [bar.label, bar.kind, bar.text])).toEqual([
      ['VM', 'vm', '1 GiB of 2 GiB (50%)'],
      ['On the host', 'host', '1.5 GiB in QEMU'],
      ['Containers', 'containers', '512 MiB of 2 GiB (25%)'],
    ]);
    expect(disk.bars.map((bar) => [bar.label, bar.text])).toEqual([
      ['VM', '8 GiB of 32 GiB (25%)'],
      ['On the host', '9 GiB of 32 GiB (28%)'],
      ['Images, containers, volumes', '4 GiB of 32 GiB (13%)'],
    ]);
  });

  it('shows only what is allotted before the VM answers, and no container bars when not active', () => {
    const rows = usageRows(size, null, null, null);
    expect(rows.map((row) => row.bars.length)).toEqual([0, 0, 0]);
    expect(rows[2].allotted).toBe('32 GiB');
  });
});

describe('compactSummary', () => {
  it('says how much the disk file shrank, in binary units', () => {
    expect(
      compactSummary({ trimmedBytes: 7 * GIB, beforeBytes: 1.25 * GIB, afterBytes: GIB, shrunkBytes: 0.25 * GIB }),
    ).toBe('The disk file shrank by 256 MiB (1.25 GiB → 1 GiB).');
    expect(compactSummary({ trimmedBytes: 0, beforeBytes: GIB, afterBytes: GIB, shrunkBytes: 0 })).toBe(
      'Nothing to give back: the disk file stays at 1 GiB.',
    );
  });
});
