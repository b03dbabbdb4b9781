// A VM's boot timeline: each step with the second it was reached, the step a starting VM is in, and the line
// that sums it up.
import { describe, expect, it } from 'vitest';
import { bootTimeline } from '../../../../renderer/src/pages/engine/boot-phase-model';

const phases = (...entries: Array<[string, number]>) => entries.map(([phase, atMs]) => ({ phase, atMs }));

describe('bootTimeline', () => {
  it('shows the five steps with their times when the VM is ready', () => {
    const timeline = bootTimeline({
      providerState: 'running',
      bootPhases: phases(['qemu', 0], ['init', 2100], ['ssh', 5400], ['engine', 7000], ['ready', 8250]),
    });
    expect(timeline.steps.map((step) => `${step.label} ${step.at}`)).toEqual([
      'QEMU 0.0 s',
      'kernel/init 2.1 s',
      'SSH 5.4 s',
      'engine 7.0 s',
      'ready 8.3 s',
    ]);
    expect(timeline.steps.every((step) => step.state === 'done')).toBe(true);
    expect(timeline.summary).toBe('Ready in 8.3 s after QEMU started.');
  });

  it('shows a resumed VM (warm start) as its own steps: QEMU, state loaded, SSH, ready', () => {
    const timeline = bootTimeline({
      providerState: 'running',
      bootPhases: phases(['qemu', 0], ['resumed', 900], ['ssh', 1400], ['ready', 1800]),
    });
    expect(timeline.steps.map((step) => `${step.label} ${step.at}`)).toEqual([
      'QEMU 0.0 s',
      'state loaded 0.9 s',
      'SSH 1.4 s',
      'ready 1.8 s',
    ]);
    expect(timeline.summary).toBe('Resumed in 1.8 s after QEMU started.');
  });

  it('marks the step a starting VM waits for', () => {
    const timeline = bootTimeline({ providerState: 'starting', bootPhases: phases(['qemu', 0], ['init', 2100]) });
    expect(timeline.steps.map((step) => step.state)).toEqual(['done', 'done', 'current', 'pending', 'pending']);
    expect(timeline.summary).toBe('Booting: waiting for SSH.');
    expect(bootTimeline({ providerState: 'starting', bootPhases: phases(['qemu', 0]) }, 4000).summary).toBe(
      'Booting: waiting for kernel/init (4.0 s so far).',
    );
  });

  it('says where a failed boot stopped, and when there was none', () => {
    const failed = bootTimeline({
      providerState: 'stopped',
      bootPhases: phases(['qemu', 0], ['init', 2100], ['ssh', 5400]),
    });
    expect(failed.steps[3].state).toBe('missed');
    expect(failed.summary).toMatch(/stopped before engine/);
    expect(bootTimeline({ providerState: 'stopped', bootPhases: [] }).summary).toBe('Not booted since Berth started.');
    expect(bootTimeline({ providerState: 'starting' }).summary).toBe('Booting: starting QEMU.');
  });
});
