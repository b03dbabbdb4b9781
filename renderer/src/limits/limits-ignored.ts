// Owns the decision whether the limit editors must warn that limits will not take effect: the active engine is
// Berth's own engine running rootless where the kernel gives its containers no CPU, memory or pids limits
// (`ownedMode.limits` false: cgroup v1, or cgroup v2 without those controllers delegated to the user). The
// engine accepts the values and does not enforce them, which an editor would otherwise hide. Says why in
// terms of the engine's cgroup version when it is connected (the Engine page has the full note). Pure.
import type { EngineView } from '@shared/engine-manager-types';

export interface LimitsIgnoredWarning {
  /** The active engine's name, as the Engine page lists it. */
  engineName: string;
  /** One sentence: why this engine cannot enforce them. */
  why: string;
  /** One sentence: what the user can do about it. */
  fix: string;
}

const CGROUP_V1: Pick<LimitsIgnoredWarning, 'why' | 'fix'> = {
  why: 'It runs rootless on cgroup v1, where the kernel cannot limit a rootless engine’s containers.',
  fix: 'To have them enforced, boot with cgroup v2 and delegate cpu, memory and pids to your user, or use an engine that runs as root or in a VM.',
};

const NOT_DELEGATED: Pick<LimitsIgnoredWarning, 'why' | 'fix'> = {
  why: 'It runs rootless, and systemd does not delegate the cpu, memory and pids controllers to your user.',
  fix: 'One command delegates them (then log in again); the Engine page shows it.',
};

const UNKNOWN: Pick<LimitsIgnoredWarning, 'why' | 'fix'> = {
  why: 'It runs rootless without the cgroup controllers limits need (cgroup v1, or cgroup v2 without delegation).',
  fix: 'The Engine page says which, and how to enable them.',
};

/** The warning for the active engine, or null when its limits take effect (or nothing says they do not). */
export function limitsIgnoredWarning(engines: readonly EngineView[] | undefined): LimitsIgnoredWarning | null {
  const active = engines?.find((engine) => engine.active);
  // Only Berth's own engine knows this about itself; an engine without ownedMode is not claimed either way.
  if (!active?.ownedMode || active.ownedMode.limits) return null;
  const cgroup = active.connection.state === 'connected' ? active.connection.info.cgroupVersion : '';
  const reason = cgroup === '1' ? CGROUP_V1 : cgroup === '2' ? NOT_DELEGATED : UNKNOWN;
  return { engineName: active.name, ...reason };
}
