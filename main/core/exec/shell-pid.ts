// Knowing a terminal shell's process id inside its container, so that closing the terminal can end it: the
// engine has no call to end an exec, and closing the exec's connection leaves the shell (and whatever it runs)
// alive in the container. The shell is started through a one-line wrapper that prints its own pid in a private
// OSC sequence and then `exec`s the shell itself (same pid); the first output is scanned for that sequence,
// which is removed before anything reaches the replay buffer or the screen.

/** OSC 697 is unassigned; terminals ignore unknown OSC sequences anyway. */
// eslint-disable-next-line no-control-regex -- the marker is an escape sequence
const markerPattern = /\x1b\]697;berth-pid=(\d+)\x07\r?\n/;
const markerPrefix = '\x1b]697;';
/** Longer than a marker with its line end. */
const markerMax = 64;
/**
 * How far into the output the marker is looked for: keystrokes typed before the shell started are echoed by
 * the TTY first, so the marker is not always at the very start.
 */
const scanLimit = 8192;

/** The command that runs `shell` as an interactive terminal shell after printing its pid. */
export function shellCommand(shell: string): string[] {
  // The shell's path is passed as $0, never spliced into the script.
  return [shell, '-c', `echo "${markerPrefix}berth-pid=$$\x07"; exec "$0"`, shell];
}

/** Takes the pid marker out of the start of a session's output, chunk by chunk. */
export class ShellPidScanner {
  private pending = '';
  private scanned = 0;
  private done = false;
  pid: number | null = null;

  /** The output to show from this chunk (what may be the start of the marker is held back). */
  take(chunk: string): string {
    if (this.done) return chunk;
    this.scanned += chunk.length;
    this.pending += chunk;
    const match = markerPattern.exec(this.pending);
    if (match) {
      this.pid = Number(match[1]);
      return this.finish(this.pending.slice(0, match.index) + this.pending.slice(match.index + match[0].length));
    }
    if (this.scanned > scanLimit) return this.finish(this.pending);
    const held = heldBack(this.pending);
    // A started marker longer than any marker is not one.
    if (this.pending.length - held > markerMax) return this.finish(this.pending);
    const shown = this.pending.slice(0, held);
    this.pending = this.pending.slice(held);
    return shown;
  }

  /** What is still held back, when the output ends. */
  flush(): string {
    return this.done ? '' : this.finish(this.pending);
  }

  private finish(rest: string): string {
    this.done = true;
    this.pending = '';
    return rest;
  }
}

/** Where the part of `text` that may begin the marker starts (its length when no part may). */
function heldBack(text: string): number {
  const at = text.indexOf(markerPrefix);
  if (at >= 0) return at;
  for (let length = Math.min(text.length, markerPrefix.length - 1); length > 0; length -= 1) {
    if (markerPrefix.startsWith(text.slice(-length))) return text.length - length;
  }
  return text.length;
}

/**
 * The command that hangs the shell up: SIGHUP, as a closed terminal would send (the kernel then hangs up its
 * foreground job), and SIGKILL a second later for a shell that ignores it.
 */
export function hangUpCommand(shell: string, pid: number): string[] {
  return [shell, '-c', `kill -HUP ${pid} 2>/dev/null; sleep 1; kill -KILL ${pid} 2>/dev/null; true`];
}
