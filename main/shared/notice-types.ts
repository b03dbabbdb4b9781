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
