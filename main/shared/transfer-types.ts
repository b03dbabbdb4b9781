// Image pulls and pushes as the core runs them: per-layer progress from the engine's progressDetail, totals,
// and the final state. The core keeps them (they survive reloads); `transfers:progress` pushes each change.

export type TransferKind = 'pull' | 'push';
export type TransferState = 'running' | 'done' | 'failed' | 'cancelled';

/** A layer's step as the engine reports it, reduced to what the UI draws. */
export type LayerPhase =
  | 'waiting'
  | 'downloading'
  | 'verifying'
  | 'downloaded'
  | 'extracting'
  | 'complete'
  | 'already-exists'
  | 'pushing'
  | 'pushed';

export interface LayerProgress {
  /** The engine's short layer id (12 hex digits). */
  id: string;
  phase: LayerPhase;
  /** The engine's own status text for this layer (e.g. `Downloading`, `Pull complete`). */
  status: string;
  /** Bytes transferred (downloaded for pulls, uploaded for pushes). */
  currentBytes: number;
  /** The layer's compressed size once the engine has said it; null before. */
  totalBytes: number | null;
  /** Bytes extracted so far (pulls only), against totalBytes. */
  extractedBytes: number;
}

export interface Transfer {
  id: string;
  kind: TransferKind;
  /** What the user typed. */
  requested: string;
  /** The normalised reference, e.g. `docker.io/library/nginx:latest`. */
  reference: string;
  /** Why it runs: the user's own pull/push, or a pull that a run needs first. */
  purpose: 'user' | 'run';
  state: TransferState;
  /** Unix epoch ms. */
  startedAt: number;
  finishedAt: number | null;
  layers: LayerProgress[];
  /** Sums over layers: currentBytes, and totalBytes of the layers whose size is known. */
  currentBytes: number;
  totalBytes: number;
  /** True once every layer's size is known (the total can still grow before). */
  totalKnown: boolean;
  /** The engine's latest overall status line (e.g. `Digest: sha256:…`, `Status: Downloaded newer image…`). */
  status: string;
  /** The manifest digest once known. */
  digest: string | null;
  error: { code: string; message: string } | null;
  /** For a cancelled or failed transfer: what was left, in words (e.g. `2 of 5 layers were downloaded; no image was tagged`). */
  leftOver: string | null;
}
