// The core's own watch of every container: held only while recording is allowed and the collector is cheap,
// taken and withdrawn once per change of that decision.
import { describe, expect, it } from 'vitest';
import { RecorderWatch, recordingState } from '../../../../main/core/stats/recorder-watch';
import type { StatsCollectorKind } from '../../../../main/shared/stats-types';

describe('recordingState', () => {
  it('is always-on for cheap collectors, on-demand for the API or no engine, off when the setting says so', () => {
    expect(recordingState(true, 'cgroup').mode).toBe('always');
    expect(recordingState(true, 'guest').mode).toBe('always');
    expect(recordingState(true, 'api').mode).toBe('on-demand');
    expect(recordingState(true, null)).toMatchObject({ mode: 'on-demand', collector: null });
    expect(recordingState(false, 'cgroup')).toMatchObject({ mode: 'off', collector: 'cgroup' });
    for (const kind of ['cgroup', 'guest', 'api'] as const) expect(recordingState(true, kind).reason).toMatch(/\w/);
  });
});

describe('RecorderWatch', () => {
  it('follows the setting and the collector, telling the host only on a change', () => {
    let collector: StatsCollectorKind | null = null;
    const calls: boolean[] = [];
    const watch = new RecorderWatch({ collector: () => collector, watchAll: (on) => calls.push(on) });
    watch.setEnabled(true);
    expect(calls).toEqual([]);
    collector = 'guest';
    watch.check();
    watch.check();
    expect(calls).toEqual([true]);
    // The in-guest stream failed and the engine is remote: the engine's API, so only watched containers.
    collector = 'api';
    watch.check();
    expect(calls).toEqual([true, false]);
    collector = 'cgroup';
    watch.check();
    watch.setEnabled(false);
    expect(calls).toEqual([true, false, true, false]);
    expect(watch.state.mode).toBe('off');
  });
});
