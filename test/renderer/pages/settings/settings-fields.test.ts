import { describe, expect, it } from 'vitest';
import { feedProblem } from '../../../../renderer/src/pages/settings/desktop-app-section';
import { capProblem, retentionProblem } from '../../../../renderer/src/pages/settings/stats-history-section';

describe('settings fields', () => {
  it('takes 1 to 90 whole days of retention', () => {
    expect(retentionProblem('7')).toBeNull();
    expect(retentionProblem('90')).toBeNull();
    for (const bad of ['0', '91', '1.5', '', 'seven']) expect(retentionProblem(bad)).toMatch(/1 to 90/);
  });

  it('takes a history cap of 16 MiB to 64 GiB in whole MiB', () => {
    expect(capProblem('512')).toBeNull();
    expect(capProblem('16')).toBeNull();
    expect(capProblem('65536')).toBeNull();
    for (const bad of ['15', '65537', '0.5', '', 'lots'])
      expect(capProblem(bad)).toMatch(/whole MiB from 16 to 65,536/);
  });

  it('takes an http(s) update feed, or nothing', () => {
    expect(feedProblem('')).toBeNull();
    expect(feedProblem('https://updates.example/berth')).toBeNull();
    expect(feedProblem('ftp://x')).toMatch(/http/);
    expect(feedProblem('https://a b')).toMatch(/http/);
  });
});
