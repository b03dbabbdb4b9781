// The Alerts section's checks: each number against the contract's range, said at its field, and the saved
// settings as the core's schema accepts them.
import { describe, expect, it } from 'vitest';
import { statsAlertSettingsSchema } from '../../../../main/shared/channels/stats-history-channels';
import { defaultStatsAlertSettings } from '../../../../main/shared/stats-history-types';
import {
  alertProblems,
  draftOf,
  rangeOf,
  settingsOf,
} from '../../../../renderer/src/pages/settings/alert-settings-model';

describe('alert settings form', () => {
  it('takes its ranges from the schema', () => {
    expect(rangeOf('memoryPercent')).toEqual({ min: 10, max: 100 });
    expect(rangeOf('throttledSeconds')).toEqual({ min: 5, max: 3600 });
  });

  it('has no problem with the defaults, and saves what the schema accepts', () => {
    const draft = draftOf(defaultStatsAlertSettings);
    expect(alertProblems(draft)).toEqual({});
    expect(statsAlertSettingsSchema.parse(settingsOf(draft))).toEqual(defaultStatsAlertSettings);
  });

  it('says what is wrong at each field: out of range, not a whole number, empty', () => {
    const draft = draftOf(defaultStatsAlertSettings);
    draft.numbers = { memoryPercent: '101', memorySeconds: '2', throttledPercent: '5.5', throttledSeconds: '' };
    expect(alertProblems(draft)).toEqual({
      memoryPercent: 'From 10 to 100 %.',
      memorySeconds: 'From 5 to 3600 s.',
      throttledPercent: 'Give a whole number from 10 to 100 %.',
      throttledSeconds: 'Give a whole number from 5 to 3600 s.',
    });
  });
});
