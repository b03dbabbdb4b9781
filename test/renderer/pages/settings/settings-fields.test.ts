import { describe, expect, it } from 'vitest';
import { feedProblem } from '../../../../renderer/src/pages/settings/desktop-app-section';
import { retentionProblem } from '../../../../renderer/src/pages/settings/stats-history-section';

describe('settings fields', () => {
  it('takes 1 to 90 whole days of retention', () => {
    expect(retentionProblem('7')).toBeNull();
    expect(retentionProblem('90')).toBeNull();
    for (const bad of ['0', '91', '1.5', '', 'seven']) expect(retentionProblem(bad)).toMatch(/1 to 90/);
  });

  it('takes an http(s) update feed, or nothing', () => {
    expect(feedProblem('')).toBeNull();
    expect(feedProblem('https://updates.example/berth')).toBeNull();
    expect(feedProblem('ftp://x')).toMatch(/http/);
    expect(feedProblem('https://a b')).toMatch(/http/);
  });
});
