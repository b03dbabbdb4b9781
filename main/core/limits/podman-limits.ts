// Owns what Podman lets Berth change live, said before the user tries (capabilities `fixed` and `notice`), and
// what its read-back can be trusted for. Measured on Debian's Podman 4.3.1 (runc 1.1, cgroup v1): libpod's
// update (engine-update.ts) changes CPU quota/period/shares/cpuset, memory limit/reservation/swap and pids of a
// RUNNING container in the kernel; it does not store them (inspect keeps the created values, and a restart
// brings those back), fails on a stopped container (no cgroup to write), and has no restart policy at all.
import type { LimitsCapabilities } from '../../shared/limits-types';
import type { LimitField } from '../../shared/limits/limit-fields';

/** The fields libpod's update changes on 4.3: everything but the restart policy. */
export const podmanResourceFields: LimitField[] = [
  'cpus',
  'cpuShares',
  'cpusetCpus',
  'memoryBytes',
  'memoryReservationBytes',
  'memorySwapBytes',
  'pidsLimit',
];

/** `4.3.1` → [4, 3]; null when the engine did not say (then 4.3's behaviour is assumed). */
function majorMinor(version: string): [number, number] | null {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export type PodmanUpdateSupport = 'none' | 'running-only' | 'unknown';

/** Before 4.3 Podman has no update API; 4.3 is measured; later versions are taken as they answer. */
export function podmanUpdateSupport(version: string): PodmanUpdateSupport {
  const parsed = majorMinor(version);
  if (!parsed) return 'running-only';
  const [major, minor] = parsed;
  if (major < 4 || (major === 4 && minor < 3)) return 'none';
  return major === 4 && minor === 3 ? 'running-only' : 'unknown';
}

const restartReason =
  "Podman cannot change a container's restart policy after it is created (its Docker-compatible API has no update route, and its own update changes only resources): recreate the container with the new policy.";

/** The fixed fields and the panel's notice for a container of a Podman engine. */
export function podmanCapabilities(version: string, running: boolean): Pick<LimitsCapabilities, 'fixed' | 'notice'> {
  const fixed: LimitsCapabilities['fixed'] = [{ field: 'restartPolicy', reason: restartReason }];
  const support = podmanUpdateSupport(version);
  if (support === 'none') {
    const reason = `Podman ${version} cannot change the limits of an existing container (Podman 4.3 added that): recreate the container with the new limits, or upgrade Podman.`;
    fixed.push(...podmanResourceFields.map((field) => ({ field, reason })));
    return { fixed, notice: 'Podman cannot change limits live on this version.' };
  }
  if (support === 'running-only' && !running) {
    const reason =
      'Podman changes limits only while the container runs, and does not keep them for its next start: start the container first, or recreate it with the new limits.';
    fixed.push(...podmanResourceFields.map((field) => ({ field, reason })));
    return { fixed, notice: 'Stopped: Podman changes limits only while the container runs.' };
  }
  if (support === 'running-only') {
    return {
      fixed,
      notice:
        'Changes apply live until the container restarts: Podman then brings back the limits it was created with.',
    };
  }
  return { fixed };
}

/** After an apply on a Podman 4.3 engine whose kernel files Berth cannot read (a remote one). */
export const podmanUnverified =
  "Berth cannot read this Podman engine's kernel limits from here, and Podman's inspect keeps the values the container was created with: these are the limits Podman accepted, not read back.";
