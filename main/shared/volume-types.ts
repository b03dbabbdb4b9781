// Volumes as the Volumes page shows them: the engine's summary plus which containers mount each, its size
// where the engine reports one, and the results of create, remove and prune.
import type { VolumeSummary } from './engine-types';

/** A container that mounts a volume (running or not: a stopped container still holds it). */
export interface VolumeUser {
  id: string;
  name: string;
  state: string;
  /** Where the volume is mounted in the container. */
  destination: string;
}

export interface VolumeItem extends VolumeSummary {
  labels: Record<string, string>;
  usedBy: VolumeUser[];
}

export interface VolumeDetail extends VolumeItem {
  options: Record<string, string>;
  /** The driver's own status fields, when it reports any. */
  status: Record<string, unknown>;
}

export interface VolumeSizes {
  /** Bytes per volume name, for the volumes the engine measured (the local driver; -1 from the engine is left out). */
  sizes: Record<string, number>;
}

export interface VolumePruneResult {
  deleted: string[];
  spaceReclaimedBytes: number;
}
