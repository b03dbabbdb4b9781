// A scripted stand-in for a backend's process (vfkit, wsl.exe): it records how it was spawned and the signals it
// got, and exits when the test (or a scripted reaction to a signal) says so.
import type {
  BackendChild,
  ProcessExit,
  Spawner,
} from '../../../../../../main/core/engines/vm/backend/backend-process';

export class FakeChild implements BackendChild {
  readonly pid = 4242;
  readonly exited: Promise<ProcessExit>;
  readonly signals: NodeJS.Signals[] = [];
  private finished: ProcessExit | null = null;
  private resolveExit: (exit: ProcessExit) => void = () => undefined;
  private said = Buffer.alloc(0);

  constructor(
    readonly binary: string,
    readonly args: string[],
    readonly env: NodeJS.ProcessEnv | undefined,
    /** Whether SIGKILL ends it (a process stuck in the kernel would not; none of these tests need that). */
    private readonly diesOnKill = true,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  exit(): ProcessExit | null {
    return this.finished;
  }

  output(): Buffer {
    return this.said;
  }

  say(text: string, encoding: BufferEncoding = 'utf8'): void {
    this.said = Buffer.concat([this.said, Buffer.from(text, encoding)]);
  }

  kill(signal: NodeJS.Signals): void {
    this.signals.push(signal);
    if (signal === 'SIGKILL' && this.diesOnKill) this.end({ code: null, signal });
  }

  end(exit: ProcessExit = { code: 0, signal: null }): void {
    if (this.finished) return;
    this.finished = exit;
    this.resolveExit(exit);
  }
}

/** A spawner that hands out FakeChild instances and keeps them for the test to look at and drive. */
export function fakeSpawner(): { spawn: Spawner; children: FakeChild[] } {
  const children: FakeChild[] = [];
  return {
    children,
    spawn: (binary, args, env) => {
      const child = new FakeChild(binary, args, env);
      children.push(child);
      return child;
    },
  };
}
