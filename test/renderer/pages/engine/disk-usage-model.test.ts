// `docker system df` rows: counts with what is in use, sizes in binary units, and the reclaimable share.
import { describe, expect, it } from 'vitest';
import { describeRow, diskUsageLines } from '../../../../renderer/src/pages/engine/disk-usage-model';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('diskUsageLines', () => {
  it('gives one line per kind, in docker system df order', () => {
    const row = { count: 0, active: 0, sizeBytes: 0, reclaimableBytes: 0 };
    const lines = diskUsageLines({ images: row, containers: row, volumes: row, buildCache: row });
    expect(lines.map((line) => line.label)).toEqual(['Images', 'Containers', 'Volumes', 'Build cache']);
    expect(lines[0]).toEqual({ label: 'Images', count: '0', size: '0 B', reclaimable: '0 B' });
  });

  it('formats counts, sizes and the reclaimable share', () => {
    expect(
      describeRow('Images', 'in use', { count: 12, active: 3, sizeBytes: 2.5 * GiB, reclaimableBytes: GiB }),
    ).toEqual({
      label: 'Images',
      count: '12 (3 in use)',
      size: '2.5 GiB',
      reclaimable: '1 GiB (40%)',
    });
    expect(
      describeRow('Containers', 'running', { count: 4, active: 1, sizeBytes: 300 * MiB, reclaimableBytes: 0 }),
    ).toEqual({
      label: 'Containers',
      count: '4 (1 running)',
      size: '300 MiB',
      reclaimable: '0 B',
    });
  });

  it('never shows more than 100% reclaimable', () => {
    expect(
      describeRow('Volumes', 'in use', { count: 1, active: 0, sizeBytes: MiB, reclaimableBytes: 2 * MiB }).reclaimable,
    ).toBe('2 MiB (100%)');
  });
});
