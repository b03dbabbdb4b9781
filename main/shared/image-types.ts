// What the core reports about images: the list, inspect, layer history, remove and prune results.

export interface ImageSummary {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: string[];
  sizeBytes: number;
  /** Unix epoch seconds. */
  created: number;
  /** Containers using it, as the engine counts them (-1 when the engine did not count). */
  containers: number;
}

export interface ImageConfigView {
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  /** `80/tcp`, `53/udp`, as the image's EXPOSE declares them. */
  exposedPorts: string[];
  workingDir: string;
  user: string;
  labels: Record<string, string>;
  volumes: string[];
}

export interface ImageDetail {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** ISO 8601, as the engine reports it. */
  created: string;
  sizeBytes: number;
  architecture: string;
  os: string;
  author: string;
  config: ImageConfigView;
  /** Layer digests of the root filesystem, bottom first. */
  layers: string[];
  /** Containers (any state) created from this image. */
  containers: Array<{ id: string; name: string; state: string }>;
}

export interface ImageHistoryEntry {
  /** `<missing>` for layers built elsewhere, as the engine reports it. */
  id: string;
  /** Unix epoch seconds. */
  created: number;
  createdBy: string;
  sizeBytes: number;
  comment: string;
  tags: string[];
}

export interface ImageRemoveResult {
  untagged: string[];
  deleted: string[];
}

export interface ImagePruneResult {
  deleted: string[];
  spaceReclaimedBytes: number;
}
