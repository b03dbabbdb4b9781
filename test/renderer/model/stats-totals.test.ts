// Engine-wide totals and top consumers over running containers with live stats.
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../main/shared/container-types';
import { hostCpuShare, topConsumers, usageTotals } from '../../../renderer/src/model/stats-totals';
import type { LatestStats } from '../../../renderer/src/stats/series-store';
import { row } from '../stats/fixtures';

function container(id: string, state: ContainerSummary['state'] = 'running'): ContainerSummary {
  return {
    id,
    name: `n-${id}`,
    image: 'i',
    imageId: 'x',
    command: '',
    state,
    status: '',
    created: 0,
    ports: [],
    composeProject: null,
  };
}

function stats(id: string, fields: Parameters<typeof row>[0], ended = false): [string, LatestStats] {
  return [id, { id, t: 1, values: row(fields), ended: ended ? { t: 2, reason: 'stopped' } : null }];
}

const list = [container('a'), container('b'), container('c'), container('d', 'exited'), container('e')];
const latest = new Map([
  stats('a', { cpuPercent: 50, cpuLimitCores: 0.5, memBytes: 100 }),
  stats('b', { cpuPercent: 150, memBytes: 300, memLimitBytes: 1000 }),
  stats('c', { cpuPercent: 10, memBytes: 200 }, true),
  stats('d', { cpuPercent: 99, memBytes: 999 }),
]);

describe('stats totals', () => {
  it('sums live stats of running containers only, counting those without stats yet', () => {
    expect(usageTotals(list, latest)).toEqual({ running: 4, reporting: 2, cpuPercent: 200, memBytes: 400 });
  });

  it('ranks the running containers by CPU and by memory, with their limits in the same unit', () => {
    expect(topConsumers(list, latest, 'cpuPercent')).toEqual([
      { id: 'b', name: 'n-b', value: 150, limit: null },
      { id: 'a', name: 'n-a', value: 50, limit: 50 },
    ]);
    expect(topConsumers(list, latest, 'memBytes', 1)).toEqual([{ id: 'b', name: 'n-b', value: 300, limit: 1000 }]);
  });

  it('turns % of one core into a share of the host', () => {
    expect(hostCpuShare(200, 8)).toBe(25);
    expect(hostCpuShare(200, 0)).toBe(0);
  });
});
