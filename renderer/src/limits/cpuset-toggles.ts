// The per-core toggles' view of a cpuset: which cores a ContainerLimits cpuset selects, and the cpuset a
// selection makes. The cpuset syntax itself is main/shared/limits/cpuset.ts, shared with the core.
import { formatCpuset, parseCpuset } from '@shared/limits/cpuset';

/**
 * The selected cores as ContainerLimits holds them: null when none or every core the engine has is selected
 * (both mean "no restriction", and that is how the engine reads a removed cpuset back).
 */
export function cpusetFromCores(selected: readonly number[], engineCores: readonly number[]): string | null {
  if (selected.length === 0) return null;
  const all =
    engineCores.length > 0 &&
    engineCores.every((core) => selected.includes(core)) &&
    selected.length === engineCores.length;
  return all ? null : formatCpuset(selected);
}

/** The cores a ContainerLimits cpuset selects; empty for null (all cores) or text that is not a cpuset. */
export function coresOf(cpuset: string | null): number[] {
  return cpuset === null ? [] : (parseCpuset(cpuset) ?? []);
}
