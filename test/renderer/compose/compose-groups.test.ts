// Grouping containers by compose project, the aggregate state, and the per-container failure summary.
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '@shared/container-types';
import { groupByProject, projectHealth, projectStateText } from '../../../renderer/src/compose/compose-groups';
import { failureSummary } from '../../../renderer/src/compose/project-actions';

function container(name: string, project: string | null, state: ContainerSummary['state']): ContainerSummary {
  return {
    id: `${name}-id`,
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sleep',
    state,
    status: '',
    created: 0,
    ports: [],
    composeProject: project,
  };
}

describe('groupByProject', () => {
  it('groups by project, sorted, leaving out containers of no project', () => {
    const groups = groupByProject([
      container('web-2', 'shop', 'exited'),
      container('lonely', null, 'running'),
      container('db-1', 'api', 'running'),
      container('web-10', 'shop', 'running'),
      container('web-1', 'shop', 'running'),
    ]);
    expect(groups.map((g) => g.name)).toEqual(['api', 'shop']);
    expect(groups[1].containers.map((c) => c.name)).toEqual(['web-1', 'web-2', 'web-10']);
    expect(projectStateText(groups[1])).toBe('2/3 running');
    expect(projectHealth(groups[1])).toBe('some');
    expect(projectHealth(groups[0])).toBe('all');
  });

  it('says none is running for a stopped project', () => {
    const [group] = groupByProject([container('a', 'p', 'exited'), container('b', 'p', 'created')]);
    expect(projectStateText(group)).toBe('0/2 running');
    expect(projectHealth(group)).toBe('none');
  });
});

describe('failureSummary', () => {
  it('names every failed container with its reason, and nothing when all succeeded', () => {
    const ok = { id: '1', name: 'a', ok: true, error: null };
    const bad = { id: '2', name: 'b', ok: false, error: 'already gone' };
    expect(failureSummary('stop', [ok])).toBeNull();
    expect(failureSummary('stop', [ok, bad])).toBe('1 of 2 could not stop. b: already gone');
  });
});
