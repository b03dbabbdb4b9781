import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../main/shared/container-types';
import { filterContainers, isStopped, matchesContainerFilter } from '../../../renderer/src/model/container-filter';

function container(partial: Partial<ContainerSummary>): ContainerSummary {
  return {
    id: 'a1b2c3d4e5f6a7b8',
    name: 'web-1',
    image: 'nginx:alpine',
    imageId: 'sha256:1',
    command: 'nginx',
    state: 'running',
    status: 'Up 3 minutes',
    created: 0,
    ports: [],
    composeProject: null,
    ...partial,
  };
}

const web = container({});
const db = container({
  id: 'ffee001122',
  name: 'shop-db-1',
  image: 'postgres:16',
  state: 'exited',
  composeProject: 'shop',
});
const paused = container({ id: '0099887766', name: 'worker', image: 'busybox', state: 'paused' });

describe('matchesContainerFilter', () => {
  it('matches name, image and compose project substrings, case-insensitively', () => {
    expect(matchesContainerFilter(web, 'WEB')).toBe(true);
    expect(matchesContainerFilter(web, 'nginx')).toBe(true);
    expect(matchesContainerFilter(db, 'shop')).toBe(true);
    expect(matchesContainerFilter(web, 'postgres')).toBe(false);
  });

  it('matches an exact state and an id prefix, not an id substring', () => {
    expect(matchesContainerFilter(db, 'exited')).toBe(true);
    expect(matchesContainerFilter(db, 'exit')).toBe(false);
    expect(matchesContainerFilter(web, 'a1b2')).toBe(true);
    expect(matchesContainerFilter(web, 'c3d4')).toBe(false);
  });

  it('needs every word to match, and an empty filter matches everything', () => {
    expect(matchesContainerFilter(db, 'shop postgres')).toBe(true);
    expect(matchesContainerFilter(db, 'shop nginx')).toBe(false);
    expect(matchesContainerFilter(web, '   ')).toBe(true);
  });
});

describe('filterContainers', () => {
  it('hides stopped containers unless asked, keeping paused ones', () => {
    expect(isStopped(db)).toBe(true);
    expect(isStopped(paused)).toBe(false);
    expect(filterContainers([web, db, paused], '', false)).toEqual([web, paused]);
    expect(filterContainers([web, db, paused], '', true)).toEqual([web, db, paused]);
    expect(filterContainers([web, db, paused], 'shop', false)).toEqual([]);
  });
});
