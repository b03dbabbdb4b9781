// What prune removes depends on the engine: Docker 23 (API 1.42) and later prune only anonymous volumes (as
// `docker volume prune`); older engines remove every volume no container uses, named ones too. And what a
// prune did, in words.
import type { EngineStatus } from '@shared/engine-types';
import type { VolumePruneResult } from '@shared/volume-types';
import { formatBytes } from '../../format/bytes';
import { volumeLabel } from './volume-label';

export type PruneScope = 'anonymous' | 'all-unused' | 'unknown';

/** `1.41` → 'all-unused', `1.42` → 'anonymous'; an engine not connected (or Podman's own numbering) → 'unknown'. */
export function pruneScope(status: EngineStatus | undefined): PruneScope {
  if (status?.state !== 'connected' || status.info.product !== 'docker') return 'unknown';
  const match = /^(\d+)\.(\d+)/.exec(status.info.apiVersion);
  if (!match) return 'unknown';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 42) ? 'anonymous' : 'all-unused';
}

export function pruneExplanation(scope: PruneScope): string {
  const notUsed = 'A volume counts as used while any container mounts it, running or stopped.';
  switch (scope) {
    case 'anonymous':
      return `Removes every anonymous volume (one the engine named) that no container uses; named volumes stay. ${notUsed} Their data is deleted.`;
    case 'all-unused':
      return `This engine removes every volume no container uses: named volumes too, not only anonymous ones. ${notUsed} Their data is deleted.`;
    default:
      return `Removes the volumes no container uses (newer Docker engines only anonymous ones, older ones named ones too). ${notUsed} Their data is deleted.`;
  }
}

export function pruneResultText(result: VolumePruneResult): string {
  const count = result.deleted.length;
  if (count === 0) return 'No volume was unused: nothing was removed.';
  const noun = count === 1 ? 'volume' : 'volumes';
  return `Removed ${count} ${noun}, reclaiming ${formatBytes(result.spaceReclaimedBytes)}: ${result.deleted.map(volumeLabel).join(', ')}.`;
}
