// Runs one compose command as a stream's source: its stdout and stderr go to the stream as they come, its exit
// code ends it. The CLI starts in a process group of its own so that closing the stream (the user cancels, the
// window goes away) ends compose and whatever it started (v1 forks helpers; v2 runs the docker CLI's plugin),
// not only the first process.
import { spawn } from 'node:child_process';
import type { Logger } from '../logger';
import type { StreamSink } from '../streams/stream-registry';

export interface ComposeCommand {
  program: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** How long a cancelled CLI has after SIGTERM to end before SIGKILL. */
const killGraceMs = 3_000;

/** Starts the command writing to the sink; returns the stop that kills its process group. */
export function runIntoSink(command: ComposeCommand, sink: StreamSink, log: Logger): () => void {
  const windows = process.platform === 'win32';
  const child = spawn(command.program, command.args, {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: !windows,
  });
  let exited = false;
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text: string) => sink.write('stdout', text));
  child.stderr.on('data', (text: string) => sink.write('stderr', text));
  child.on('error', (error) => {
    exited = true;
    sink.end({ error });
  });
  // 'close' waits for the output pipes too, so the last lines are written before the end.
  child.on('close', (code, signal) => {
    exited = true;
    if (signal && code === null) sink.write('system', `compose ended by ${signal}\n`);
    sink.end({ exitCode: code ?? null });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      if (windows) child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch (error) {
      // ESRCH: the group ended on its own in between; anything else is worth a line.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH')
        log.warn(`[compose] could not signal ${command.program}: ${String(error)}`);
    }
  };
  return () => {
    if (exited) return;
    signalGroup('SIGTERM');
    const timer = setTimeout(() => {
      if (!exited) signalGroup('SIGKILL');
    }, killGraceMs);
    timer.unref();
  };
}
