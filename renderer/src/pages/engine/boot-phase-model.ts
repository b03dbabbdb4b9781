// A VM's boot as a timeline of five steps (QEMU → kernel/init → SSH → engine → ready), each with the second it
// was reached, and while it starts, the step it is in. Pure, so the mapping is tested without a browser.
import type { EngineView } from '@shared/engine-manager-types';

export const BOOT_STEPS = [
  { phase: 'qemu', label: 'QEMU' },
  { phase: 'init', label: 'kernel/init' },
  { phase: 'ssh', label: 'SSH' },
  { phase: 'engine', label: 'engine' },
  { phase: 'ready', label: 'ready' },
] as const;

/** A VM resumed from its saved state (warm start): no kernel or engine start, the state loaded instead. */
export const RESUME_STEPS = [
  { phase: 'qemu', label: 'QEMU' },
  { phase: 'resumed', label: 'state loaded' },
  { phase: 'ssh', label: 'SSH' },
  { phase: 'ready', label: 'ready' },
] as const;

export type BootStepState = 'done' | 'current' | 'pending' | 'missed';

export interface BootStep {
  phase: string;
  label: string;
  /** `3.2 s` after QEMU started; null when not reached. */
  at: string | null;
  state: BootStepState;
}

export interface BootTimeline {
  steps: BootStep[];
  /** One line for people and screen readers: `Booting: waiting for SSH (12.4 s so far)`, `Ready in 28.1 s`. */
  summary: string;
}

export function bootTimeline(
  view: Pick<EngineView, 'providerState' | 'bootPhases'>,
  nowSinceQemuMs: number | null = null,
): BootTimeline {
  const reached = new Map((view.bootPhases ?? []).map((entry) => [entry.phase, entry.atMs]));
  const starting = view.providerState === 'starting';
  const order: ReadonlyArray<{ phase: string; label: string }> = reached.has('resumed') ? RESUME_STEPS : BOOT_STEPS;
  // The first step not reached yet is the one the VM is in while it starts; after a failed boot it is missed.
  const firstMissing = order.findIndex((step) => !reached.has(step.phase));
  const steps = order.map((step, index): BootStep => {
    const atMs = reached.get(step.phase);
    if (atMs !== undefined) return { ...step, at: seconds(atMs), state: 'done' };
    if (index === firstMissing && reached.size > 0)
      return { ...step, at: null, state: starting ? 'current' : 'missed' };
    return { ...step, at: null, state: 'pending' };
  });
  return { steps, summary: summaryOf(steps, view.providerState, reached, nowSinceQemuMs) };
}

function summaryOf(
  steps: BootStep[],
  state: EngineView['providerState'],
  reached: Map<string, number>,
  nowMs: number | null,
): string {
  const ready = reached.get('ready');
  if (ready !== undefined)
    return `${reached.has('resumed') ? 'Resumed' : 'Ready'} in ${seconds(ready)} after QEMU started.`;
  const current = steps.find((step) => step.state === 'current');
  if (current) return `Booting: waiting for ${current.label}${nowMs !== null ? ` (${seconds(nowMs)} so far)` : ''}.`;
  if (state === 'starting') return 'Booting: starting QEMU.';
  const missed = steps.find((step) => step.state === 'missed');
  if (missed) return `The last boot stopped before ${missed.label}: its log says why.`;
  return 'Not booted since Berth started.';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
