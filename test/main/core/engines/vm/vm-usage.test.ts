// The VM usage command's output as the guest prints it: memory from /proc/meminfo, CPU busy share between two
// /proc/stat reads, the data disk from df.
import { describe, expect, it } from 'vitest';
import { busyPercent, parseVmUsage, VM_USAGE_COMMAND } from '../../../../../main/core/engines/vm/vm-usage';

const output = [
  'MemTotal:        2014512 kB',
  'MemFree:         1500000 kB',
  'MemAvailable:    1800000 kB',
  'Buffers:           12000 kB',
  'cpu  100 0 100 1000 0 0 0 0 0 0',
  'cpu  130 0 120 1140 10 0 0 0 0 0',
  'Filesystem        1-blocks      Used   Available Capacity Mounted on',
  '/dev/vdb       33501757440 812392448 31000000000       3% /var/lib/berth',
  '',
].join('\n');

describe('parseVmUsage', () => {
  it('reads memory, CPU and the data disk', () => {
    const usage = parseVmUsage(output);
    expect(usage.memTotalBytes).toBe(2014512 * 1024);
    expect(usage.memUsedBytes).toBe((2014512 - 1800000) * 1024);
    // 200 ticks passed, 150 of them idle or iowait: 25% busy.
    expect(usage.cpuBusyPercent).toBeCloseTo(25);
    expect(usage.diskTotalBytes).toBe(33501757440);
    expect(usage.diskUsedBytes).toBe(812392448);
  });

  it('says which part is missing', () => {
    expect(() => parseVmUsage(output.replace(/MemAvailable.*\n/, ''))).toThrow(/meminfo/);
    expect(() => parseVmUsage(output.replace(/cpu .*\n/, ''))).toThrow(/proc\/stat/);
    expect(() => parseVmUsage(output.replace(/\/dev\/vdb.*\n/, ''))).toThrow(/df of \/var\/lib\/berth/);
  });

  it('reads the disk the command asks df about', () => {
    expect(VM_USAGE_COMMAND).toContain('df -B1 -P /var/lib/berth');
  });
});

describe('busyPercent', () => {
  it('is 0 when no time passed and stays within 0..100', () => {
    expect(busyPercent('cpu 1 2 3 4 5', 'cpu 1 2 3 4 5')).toBe(0);
    expect(busyPercent('cpu 0 0 0 0 0', 'cpu 50 0 50 0 0')).toBe(100);
  });
});
