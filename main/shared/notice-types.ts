// What the core tells the desktop shell so it can notify: a container that stopped by itself with a failure.

export interface ContainerExited {
  id: string;
  name: string;
  exitCode: number;
  /** The kernel killed it for memory (the engine's `oom` event came before its `die`). */
  oomKilled: boolean;
  /** Epoch ms. */
  t: number;
}

/** A build ended, for the desktop shell's notification (the stream's own end goes only to the client that asked). */
export interface BuildEnded {
  /** The tag it was given, or null for an untagged build. */
  tag: string | null;
  /** The context folder. */
  folder: string;
  outcome: 'built' | 'failed' | 'cancelled';
  /** The image built (outcome `built`). */
  imageId: string | null;
  /** Why it failed (outcome `failed`). */
  error: string | null;
  /** Epoch ms. */
  t: number;
}
