// Terminal sessions: a shell started with `exec` and a TTY in a running container, owned by the client that
// opened it. The design, kept as simple as reattaching allows:
// - A session lives in the core, independently of the stream that shows it. `exec:open` starts the shell and
//   shows it on the caller's stream; closing that stream (the page was left) only detaches the session.
// - Everything the shell prints goes into a bounded replay buffer (the last 256 KiB) and, when attached, to the
//   stream (flushed at once: a terminal's echo must not wait for the 50 ms timer).
// - `exec:attach` shows a session of the same client on a new stream: the replay first, then what follows. At
//   most one stream shows a session; attaching again ends the older stream. A session that ended while detached
//   is kept (ended) until it is attached once: the page then sees its last output and how it ended.
// - A session ends when the shell exits (the stream ends with its exit code) or the container stops (the
//   stream ends with a message saying so). Closing a session (its tab, or the client going away) hangs its shell
//   up in the container (shell-pid.ts: closing the connection alone leaves it running); a client keeps at most
//   8, the oldest ended or detached one making room.
import { StringDecoder } from 'node:string_decoder';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { ExecOpened, ExecSessionView } from '../../shared/exec-types';
import type { StreamOpened } from '../../shared/stream-types';
import type { EngineLink } from '../connection/engine-link';
import { consoleLogger, type Logger } from '../logger';
import type { StreamRegistry, StreamSink } from '../streams/stream-registry';
import { ReplayBuffer } from './replay-buffer';
import { chooseShell } from './shell-choice';
import { hangUpCommand, shellCommand, ShellPidScanner } from './shell-pid';
import { shellEnding, type SessionEnd } from './shell-ending';

const maxSessionsPerClient = 8;

interface Session {
  view: ExecSessionView;
  clientId: string;
  label: string;
  container: Dockerode.Container;
  exec: Dockerode.Exec;
  socket: Duplex;
  /** Finds the shell's pid in its first output, for the hang-up. */
  pid: ShellPidScanner;
  replay: ReplayBuffer;
  ended: SessionEnd | null;
  attached: { streamId: string; sink: StreamSink } | null;
  size: { cols: number; rows: number };
}

export interface ExecSessionsOptions {
  connection: EngineLink;
  streams: StreamRegistry;
  log?: Logger;
  replayChars?: number;
}

export interface OpenRequest {
  streamId: string;
  id: string;
  shell?: string;
  user?: string;
  cols: number;
  rows: number;
}

export class ExecSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly log: Logger;

  constructor(private readonly options: ExecSessionsOptions) {
    this.log = options.log ?? consoleLogger;
  }

  async open(clientId: string, request: OpenRequest): Promise<ExecOpened & StreamOpened> {
    let session: Session | null = null;
    const opened = await this.options.streams.open(
      clientId,
      request.streamId,
      `terminal in ${request.id}`,
      async (sink) => {
        session = await this.start(clientId, request);
        this.show(session, request.streamId, sink);
        return () => this.detach(session!, request.streamId);
      },
      { immediate: true },
    );
    const started = session as Session | null;
    if (!started) throw new BerthError('INTERNAL', 'The terminal session did not start.');
    return { ...opened, sessionId: started.view.sessionId, shell: started.view.shell, user: started.view.user };
  }

  async attach(
    clientId: string,
    request: { streamId: string; sessionId: string; cols: number; rows: number },
  ): Promise<ExecSessionView & StreamOpened> {
    const session = this.sessions.get(request.sessionId);
    if (!session || session.clientId !== clientId) {
      throw new BerthError('NOT_FOUND', 'That terminal session is gone: open a new one.');
    }
    const opened = await this.options.streams.open(
      clientId,
      request.streamId,
      session.label,
      (sink) => {
        this.show(session, request.streamId, sink);
        return () => this.detach(session, request.streamId);
      },
      { immediate: true },
    );
    if (!session.ended) await this.resizeSession(session, request.cols, request.rows).catch(() => undefined);
    return { ...opened, ...session.view };
  }

  input(clientId: string, streamId: string, data: string): { ok: true } {
    this.shownOn(clientId, streamId).socket.write(data);
    return { ok: true };
  }

  async resize(clientId: string, streamId: string, cols: number, rows: number): Promise<{ ok: true }> {
    await this.resizeSession(this.shownOn(clientId, streamId), cols, rows);
    return { ok: true };
  }

  list(clientId: string, containerRef: string): ExecSessionView[] {
    return [...this.sessions.values()]
      .filter((each) => each.clientId === clientId && matches(each.view.containerId, each.label, containerRef))
      .map((each) => ({ ...each.view }))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Ends a session of this client; one that is already gone is not an error (closing twice is harmless). */
  close(clientId: string, sessionId: string): { ok: true } {
    const session = this.sessions.get(sessionId);
    if (session && session.clientId === clientId) this.discard(session);
    return { ok: true };
  }

  releaseClient(clientId: string): void {
    for (const session of [...this.sessions.values()]) {
      if (session.clientId === clientId) this.discard(session);
    }
  }

  dispose(): void {
    for (const session of [...this.sessions.values()]) this.discard(session);
  }

  private async start(clientId: string, request: OpenRequest): Promise<Session> {
    const docker = this.options.connection.client();
    const container = docker.getContainer(request.id);
    const info = await container.inspect();
    const name = info.Name.replace(/^\//, '');
    if (!info.State.Running || info.State.Paused) {
      const state = info.State.Paused ? 'paused' : info.State.Status;
      throw new BerthError(
        'CONFLICT',
        `${name} is not running (${state}): start it${info.State.Paused ? ' (unpause it)' : ''} to open a terminal.`,
      );
    }
    this.makeRoom(clientId);
    const shell = await chooseShell(container, name, request);
    const exec = await container.exec({
      Cmd: shellCommand(shell),
      User: request.user,
      Env: ['TERM=xterm-256color'],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
    });
    const socket = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
    const session: Session = {
      view: {
        sessionId: crypto.randomUUID(),
        containerId: info.Id,
        shell,
        user: request.user ?? '',
        startedAt: Date.now(),
        running: true,
      },
      clientId,
      label: name,
      container,
      exec,
      socket,
      pid: new ShellPidScanner(),
      replay: new ReplayBuffer(this.options.replayChars),
      ended: null,
      attached: null,
      size: { cols: 0, rows: 0 },
    };
    this.sessions.set(session.view.sessionId, session);
    this.pipe(session, container);
    await this.resizeSession(session, request.cols, request.rows).catch((error: unknown) =>
      this.log.warn(`[exec] resizing the terminal in ${name} failed: ${String(error)}`),
    );
    return session;
  }

  private pipe(session: Session, container: Dockerode.Container): void {
    const decoder = new StringDecoder('utf8');
    session.socket.on('data', (chunk: Buffer) => this.output(session, session.pid.take(decoder.write(chunk))));
    session.socket.on('error', (error) => this.log.warn(`[exec] terminal in ${session.label}: ${error.message}`));
    let ending = false;
    const onEnd = () => {
      if (ending) return;
      ending = true;
      this.output(session, session.pid.take(decoder.end()) + session.pid.flush());
      void shellEnding(session.exec, container, session.label).then((end) => this.ended(session, end));
    };
    session.socket.on('end', onEnd);
    session.socket.on('close', onEnd);
  }

  private output(session: Session, text: string): void {
    if (text === '') return;
    session.replay.append(text);
    session.attached?.sink.write('stdout', text);
  }

  private ended(session: Session, end: SessionEnd): void {
    session.ended = end;
    session.view.running = false;
    session.socket.destroy();
    if (!this.sessions.has(session.view.sessionId)) return;
    const attached = session.attached;
    if (!attached) return;
    // Shown to the end: nothing is left to reattach to.
    this.sessions.delete(session.view.sessionId);
    attached.sink.end(end);
  }

  private show(session: Session, streamId: string, sink: StreamSink): void {
    const previous = session.attached;
    session.attached = { streamId, sink };
    previous?.sink.end({ error: new BerthError('CONFLICT', 'This terminal session is now shown elsewhere.') });
    sink.write('stdout', session.replay.text());
    if (session.ended) {
      this.sessions.delete(session.view.sessionId);
      sink.end(session.ended);
    }
  }

  private detach(session: Session, streamId: string): void {
    if (session.attached?.streamId === streamId) session.attached = null;
  }

  private shownOn(clientId: string, streamId: string): Session {
    if (this.options.streams.owns(streamId, clientId)) {
      for (const session of this.sessions.values()) {
        if (session.attached?.streamId === streamId && session.clientId === clientId && !session.ended) return session;
      }
    }
    throw new BerthError('NOT_FOUND', 'No terminal session of yours is shown on that stream (it may have ended).');
  }

  private async resizeSession(session: Session, cols: number, rows: number): Promise<void> {
    if (session.size.cols === cols && session.size.rows === rows) return;
    session.size = { cols, rows };
    await session.exec.resize({ h: rows, w: cols });
  }

  private makeRoom(clientId: string): void {
    const own = [...this.sessions.values()].filter((each) => each.clientId === clientId);
    if (own.length < maxSessionsPerClient) return;
    const spare = own
      .filter((each) => each.ended || !each.attached)
      .sort((a, b) => Number(!a.ended) - Number(!b.ended) || a.view.startedAt - b.view.startedAt)[0];
    if (!spare) {
      throw new BerthError('CONFLICT', `You have ${maxSessionsPerClient} terminals open: close one to open another.`);
    }
    this.discard(spare);
  }

  /** Forgets a session and hangs its shell up. */
  private discard(session: Session): void {
    this.sessions.delete(session.view.sessionId);
    session.attached?.sink.end({});
    session.attached = null;
    session.socket.destroy();
    void this.hangUp(session);
  }

  /** Ends the shell of a session that has not ended by itself (see shell-pid.ts), as the session's user. */
  private async hangUp(session: Session): Promise<void> {
    const pid = session.pid.pid;
    if (session.ended || pid === null) return;
    try {
      const exec = await session.container.exec({
        Cmd: hangUpCommand(session.view.shell, pid),
        User: session.view.user || undefined,
      });
      await exec.start({ Detach: true });
    } catch (error) {
      // A container that stopped meanwhile took the shell with it.
      this.log.warn(`[exec] hanging up the terminal shell in ${session.label}: ${String(error)}`);
    }
  }
}

/** A container reference as the UI has it: the full or short id, or the name. */
function matches(containerId: string, name: string, ref: string): boolean {
  return containerId.startsWith(ref) || name === ref.replace(/^\//, '');
}
