// The text under each chart: current value against the limit, and "Stopped" once the series ended.
import { describe, expect, it } from 'vitest';
import { chartSummary } from '../../../../../renderer/src/pages/container-detail/charts/chart-summaries';
import type { LatestStats } from '../../../../../renderer/src/stats/series-store';
import { row } from '../../../stats/fixtures';

const MiB = 1024 ** 2;

function latest(fields: Parameters<typeof row>[0], ended: LatestStats['ended'] = null): LatestStats {
  return { id: 'a', t: 1, values: row(fields), ended };
}

describe('chartSummary', () => {
  it('says CPU in % of one core against the limit in cores, and throttling', () => {
    expect(chartSummary('cpu', latest({ cpuPercent: 48, cpuLimitCores: 0.5, throttledPercent: 80 }))).toBe(
      'CPU 48.0 % of one core · limit 0.5 cores (96 % of limit) · throttled in 80 % of periods',
    );
    expect(chartSummary('cpu', latest({ cpuPercent: 3.25 }))).toBe('CPU 3.3 % of one core · no CPU limit');
  });

  it('says memory against its limit and the memory + swap limit', () => {
    expect(
      chartSummary('memory', latest({ memBytes: 48.2 * MiB, memLimitBytes: 512 * MiB, swapLimitBytes: 1024 * MiB })),
    ).toBe('Memory 48.2 MiB · limit 512 MiB (9 % of limit) · memory + swap limit 1 GiB');
    expect(chartSummary('memory', latest({ memBytes: 2048 }))).toBe('Memory 2 KiB · no memory limit');
  });

  it('says rates and processes', () => {
    expect(chartSummary('network', latest({ netRxBytesPerSec: 1536, netTxBytesPerSec: 0 }))).toBe(
      'Network received 1.5 KiB/s · sent 0 B/s',
    );
    expect(chartSummary('disk', latest({ blkReadBytesPerSec: null, blkWriteBytesPerSec: 10 }))).toBe(
      'Disk read — · written 10 B/s',
    );
    expect(chartSummary('pids', latest({ pids: 3, pidsLimit: 100 }))).toBe('Processes 3 · limit 100');
    expect(chartSummary('pids', latest({ pids: 3 }))).toBe('Processes 3 · no process limit');
  });

  it('says when the series ended, and when there is nothing yet', () => {
    expect(chartSummary('pids', latest({ pids: 1 }, { t: 2, reason: 'the container was removed' }))).toBe(
      'Stopped (the container was removed). Last: Processes 1 · no process limit',
    );
    expect(chartSummary('cpu', null)).toBe('Waiting for the first sample…');
  });
});
