// Whether the desktop app looks for updates, and why not when it does not: only a packaged app (a build from
// the repository has nothing to update), only with a feed set in Settings (Berth phones home nowhere by
// default), and only while update checks are on (they can be turned off). Pure, for a test.
import type { BerthSettings } from '../shared/settings-types';

export const updateCheckIntervalMs = 6 * 60 * 60 * 1000;

export type UpdatePlan = { check: true; feedUrl: string } | { check: false; reason: string };

export function updatePlan(settings: BerthSettings, isPackaged: boolean): UpdatePlan {
  if (!isPackaged) return { check: false, reason: 'not a packaged app' };
  if (!settings.updateFeedUrl) return { check: false, reason: 'no update feed is set in Settings' };
  if (settings.updateChecks === false) return { check: false, reason: 'update checks are turned off in Settings' };
  return { check: true, feedUrl: settings.updateFeedUrl };
}
