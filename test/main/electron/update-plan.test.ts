import { describe, expect, it } from 'vitest';
import { updatePlan } from '../../../main/electron/update-plan';
import type { BerthSettings } from '../../../main/shared/settings-types';

const base: BerthSettings = { defaultRunLimits: {}, registryCredentials: 'docker-config' } as BerthSettings;

describe('update checks', () => {
  it('check the feed set in Settings, in a packaged app', () => {
    expect(updatePlan({ ...base, updateFeedUrl: 'https://updates.example/berth' }, true)).toEqual({
      check: true,
      feedUrl: 'https://updates.example/berth',
    });
  });

  it('never happen without a feed, when turned off, or in a build from the repository', () => {
    expect(updatePlan(base, true)).toEqual({ check: false, reason: 'no update feed is set in Settings' });
    expect(updatePlan({ ...base, updateFeedUrl: 'https://u.example', updateChecks: false }, true)).toMatchObject({
      check: false,
      reason: 'update checks are turned off in Settings',
    });
    expect(updatePlan({ ...base, updateFeedUrl: 'https://u.example' }, false)).toMatchObject({ check: false });
  });
});
