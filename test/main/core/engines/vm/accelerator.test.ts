// Which accelerator a VM gets: the candidates per platform, the probe's verdict, and BERTH_VM_ACCEL.
import { describe, expect, it } from 'vitest';
import {
  acceleratorCandidates,
  chooseAccelerator,
  forcedAccelerator,
} from '../../../../../main/core/engines/vm/accelerator';

describe('accelerator choice', () => {
  it('probes the platform accelerator, then software emulation', () => {
    expect(acceleratorCandidates('linux', true)).toEqual(['kvm', 'tcg']);
    expect(acceleratorCandidates('linux', false)).toEqual(['tcg']);
    expect(acceleratorCandidates('darwin', false)).toEqual(['hvf', 'tcg']);
    expect(acceleratorCandidates('win32', false)).toEqual(['whpx', 'tcg']);
    expect(acceleratorCandidates('freebsd', false)).toEqual(['tcg']);
  });

  it('picks the fastest to reach init, so a nested /dev/kvm slower than tcg loses', () => {
    expect(
      chooseAccelerator([
        { accel: 'kvm', initMs: 30_000 },
        { accel: 'tcg', initMs: 9_000 },
      ]),
    ).toBe('tcg');
    expect(
      chooseAccelerator([
        { accel: 'kvm', initMs: 900 },
        { accel: 'tcg', initMs: null },
      ]),
    ).toBe('kvm');
  });

  it('falls back to tcg when no candidate reached init', () => {
    expect(chooseAccelerator([{ accel: 'hvf', initMs: null }])).toBe('tcg');
    expect(chooseAccelerator([])).toBe('tcg');
  });

  it('honours BERTH_VM_ACCEL when it names an accelerator', () => {
    expect(forcedAccelerator({ BERTH_VM_ACCEL: 'tcg' })).toBe('tcg');
    expect(forcedAccelerator({ BERTH_VM_ACCEL: 'warp' })).toBeNull();
    expect(forcedAccelerator({})).toBeNull();
  });
});
