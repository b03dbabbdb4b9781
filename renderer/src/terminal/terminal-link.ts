// Connects one xterm.js terminal to a terminal session in the core: reattaches to this window's newest session
// in the container (which replays what it printed lately), or opens a new one; sends keystrokes and sizes; and
// says how the session ended. Leaving the page closes only the stream: the session stays in the core, so
// coming back reattaches (main/core/exec/exec-sessions.ts).
import type { Terminal } from '@xterm/xterm';
import type { ExecOpened, ExecSessionView } from '@shared/exec-types';
import type { StreamEnd } from '@shared/stream-types';
import { errorMessage } from '@shared/error-message';
import type { BerthClient } from '../ipc/berth-client';
import { openStream, type OpenedStream } from '../ipc/open-stream';

export type TerminalState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; shell: string; user: string }
  | { phase: 'ended'; exitCode: number | null; message: string | null }
  | { phase: 'failed'; message: string };

export interface ShellChoice {
  /** Absent: /bin/bash, else /bin/sh. */
  shell?: string;
  user?: string;
}

/** The core takes at most 64 KiB per input request. */
const inputPiece = 65_536;

export class TerminalLink {
  private stream: OpenedStream | null = null;
  private disposed = false;
  /** Bumped by every open or attach, so an older one that resolves late does not take over. */
  private generation = 0;
  /** The generation whose stream has ended (it may end before its request is answered). */
  private endedGeneration = -1;
  /** The session shown now, which New session ends (only the newest session is ever shown again). */
  private sessionId: string | null = null;
  /** Typed while a session was starting: sent once it runs, so the first keystrokes after Restart are not lost. */
  private early: string[] = [];

  constructor(
    private readonly client: BerthClient,
    private readonly term: Terminal,
    private readonly onState: (state: TerminalState) => void,
  ) {}

  /** Shows the newest session of this window in the container, or opens one. */
  async connect(containerId: string, choice: ShellChoice): Promise<void> {
    const generation = this.begin();
    try {
      const sessions = await this.client.invoke('exec:sessions', { id: containerId });
      if (generation !== this.generation) return;
      if (sessions[0]) await this.attach(sessions[0], generation);
      else await this.open(containerId, choice, generation);
    } catch (error) {
      this.fail(generation, error);
    }
  }

  /** A new session (the restart button) in place of the one shown, which is ended; the terminal is cleared first. */
  async restart(containerId: string, choice: ShellChoice): Promise<void> {
    const previous = this.sessionId;
    const generation = this.begin();
    if (previous) {
      this.client
        .invoke('exec:close', { sessionId: previous })
        .catch((error: unknown) => console.warn('[terminal] the previous session was not closed', error));
    }
    this.term.reset();
    try {
      await this.open(containerId, choice, generation);
    } catch (error) {
      this.fail(generation, error);
    }
  }

  send(data: string): void {
    const stream = this.stream;
    if (!stream) {
      if (this.starting && this.early.length < 1000) this.early.push(data);
      return;
    }
    for (let start = 0; start < data.length; start += inputPiece) {
      this.client
        .invoke('exec:input', { streamId: stream.id, data: data.slice(start, start + inputPiece) })
        .catch((error: unknown) => console.warn('[terminal] input not delivered', error));
    }
  }

  resize(cols: number, rows: number): void {
    const stream = this.stream;
    if (!stream) return;
    this.client
      .invoke('exec:resize', { streamId: stream.id, cols, rows })
      .catch((error: unknown) => console.warn('[terminal] resize not delivered', error));
  }

  /** Stops showing the session; the session itself stays in the core for the next visit. */
  dispose(): void {
    this.disposed = true;
    this.generation += 1;
    this.stream?.close();
    this.stream = null;
  }

  private get starting(): boolean {
    return this.endedGeneration !== this.generation && !this.disposed;
  }

  private begin(): number {
    this.early = [];
    this.sessionId = null;
    this.generation += 1;
    this.stream?.close();
    this.stream = null;
    this.onState({ phase: 'starting' });
    return this.generation;
  }

  private async open(containerId: string, choice: ShellChoice, generation: number): Promise<void> {
    let opened: ExecOpened | null = null;
    const stream = await openStream(
      this.client,
      async (streamId) => {
        opened = await this.client.invoke('exec:open', {
          streamId,
          id: containerId,
          ...(choice.shell ? { shell: choice.shell } : {}),
          ...(choice.user ? { user: choice.user } : {}),
          cols: this.term.cols,
          rows: this.term.rows,
        });
      },
      this.handlers(generation),
    );
    const session = opened as ExecOpened | null;
    if (!this.adopt(stream, generation) || !session) return;
    this.sessionId = session.sessionId;
    this.onState({ phase: 'running', shell: session.shell, user: session.user });
    this.term.focus();
  }

  private async attach(view: ExecSessionView, generation: number): Promise<void> {
    this.term.reset();
    const stream = await openStream(
      this.client,
      (streamId) =>
        this.client.invoke('exec:attach', {
          streamId,
          sessionId: view.sessionId,
          cols: this.term.cols,
          rows: this.term.rows,
        }),
      this.handlers(generation),
    );
    if (!this.adopt(stream, generation)) return;
    this.sessionId = view.sessionId;
    // An ended session replays and ends at once: its end handler has already said so.
    if (view.running) this.onState({ phase: 'running', shell: view.shell, user: view.user });
    this.term.focus();
  }

  private handlers(generation: number) {
    return {
      onData: (chunks: { text: string }[]) => {
        if (generation === this.generation) this.term.write(chunks.map((chunk) => chunk.text).join(''));
      },
      onEnd: (end: StreamEnd) => {
        if (generation !== this.generation) return;
        this.endedGeneration = generation;
        this.stream = null;
        const line = end.error ? `Session ended: ${end.error.message}` : `Session ended (exit code ${end.exitCode})`;
        this.term.write(`\r\n\x1b[2m[${line}]\x1b[0m\r\n`);
        this.onState({ phase: 'ended', exitCode: end.exitCode, message: end.error?.message ?? null });
      },
    };
  }

  /** Keeps the stream if it is still wanted; closes it otherwise. */
  private adopt(stream: OpenedStream, generation: number): boolean {
    if (this.disposed || generation !== this.generation) {
      stream.close();
      return false;
    }
    // A session that ended during the request has already been reported; its stream is gone.
    if (this.endedGeneration === generation) return false;
    this.stream = stream;
    const early = this.early.join('');
    this.early = [];
    if (early) this.send(early);
    return true;
  }

  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation || this.disposed) return;
    this.onState({ phase: 'failed', message: errorMessage(error) });
  }
}
