// Terminal sessions: an interactive shell (`exec` with a TTY) in a running container, kept in the core so a
// page that leaves and comes back reattaches to it (main/core/exec/exec-sessions.ts explains how).

export interface ExecOpened {
  /** The session's id, for `exec:attach` after the page came back. */
  sessionId: string;
  /** The shell that was started (the asked one, else /bin/bash, else /bin/sh). */
  shell: string;
  /** The user it runs as; empty for the container's own user. */
  user: string;
}

export interface ExecSessionView {
  sessionId: string;
  containerId: string;
  shell: string;
  user: string;
  /** ms since the epoch. */
  startedAt: number;
  /** False once the shell exited or the container stopped; an ended session replays and then ends. */
  running: boolean;
}
