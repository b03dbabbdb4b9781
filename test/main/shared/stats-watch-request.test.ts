// stats:watch's request schema (contract.ts): focus is a short list of container refs, and anything else is
// refused before it reaches the stats service.
import { describe, expect, it } from 'vitest';
import { channels, statsWatchRequest } from '../../../main/shared/contract';
import { maxFocusedContainers } from '../../../main/shared/stats-types';

const id = 'a'.repeat(64);

describe('stats:watch request', () => {
  it('is the schema the router checks stats:watch against', () => {
    expect(channels['stats:watch'].request).toBe(statsWatchRequest);
  });

  it('takes every running container, ids and focused ids, each optional', () => {
    for (const payload of [
      {},
      { all: true },
      { ids: ['web', id] },
      { all: true, focus: [id] },
      { ids: ['web'], focus: ['web', 'db.1'] },
      { focus: Array.from({ length: maxFocusedContainers }, (_, i) => `c${i}`) },
    ])
      expect(statsWatchRequest.safeParse(payload).success, JSON.stringify(payload)).toBe(true);
  });

  it.each([
    ['focus that is not a list', { focus: id }],
    ['focus of something not a container ref', { focus: ['../etc/passwd'] }],
    ['focus of a number', { focus: [42] }],
    ['an empty ref in focus', { focus: [''] }],
    [
      'more focused containers than charts on a screen',
      { focus: Array.from({ length: maxFocusedContainers + 1 }, (_, i) => `c${i}`) },
    ],
    ['an interval the client chooses', { focus: [id], intervalMs: 10 }],
    ['focus as a map of intervals', { focus: { [id]: 250 } }],
  ])('refuses %s', (_what, payload) => {
    expect(statsWatchRequest.safeParse(payload).success).toBe(false);
  });
});
