// Owns the stream the guest collector reads: the output of `berth-guest-stats <interval>` line by line, from
// whatever runs it (an SSH `exec` channel into the VM, see guest-ssh-source.ts, or a local process in tests).
// A source starts nothing until its lines are read, so asking an engine whether it offers one is free; when
// the command ends or fails, reading throws with how it ended and the tail of its stderr.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface GuestStatsSource {
  /** The command's output lines; iterating starts the command. Ends quietly only after close(). */
  readonly lines: AsyncIterable<string>;
  /** Stops the command; idempotent. */
  close(): void;
}

/** A running command as a source needs it. */
export interface CommandOutput {
  stdout: Readable;
  stderr: Readable | null;
  /** Resolves once the command is over, with how it ended ("exit code 127"). */
  exit: Promise<string>;
  stop(): void;
}

/** A frame for 100 containers is about 40 KB; a line far longer is garbage, not a frame. */
const MAX_LINE_CHARS = 4 * 1024 * 1024;
const STDERR_TAIL_CHARS = 500;

export function describeExit(code: number | null | undefined, signal: string | null | undefined): string {
  if (typeof code === 'number') return `exit code ${code}`;
  return signal ? `signal ${signal}` : 'no exit status';
}

function keepTail(stream: Readable | null): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (text: string) => (tail = (tail + text).slice(-STDERR_TAIL_CHARS)));
  return () => tail.trim().split('\n').slice(-3).join(' / ');
}

/** A source over a command that `start` runs when the lines are first read; `what` names it in errors. */
export function commandSource(start: () => Promise<CommandOutput>, what: string): GuestStatsSource {
  let closed = false;
  let running: CommandOutput | null = null;
  async function* lines(): AsyncGenerator<string> {
    if (closed) return;
    const output = await start();
    running = output;
    if (closed) {
      output.stop();
      return;
    }
    const stderrTail = keepTail(output.stderr);
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    let finished = false;
    try {
      for await (const chunk of output.stdout as AsyncIterable<Buffer | string>) {
        buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.trim() !== '') yield line;
          newline = buffer.indexOf('\n');
        }
        if (buffer.length > MAX_LINE_CHARS)
          throw new Error(`${what} printed a line longer than ${MAX_LINE_CHARS} characters`);
      }
      finished = true;
    } catch (error) {
      // Stopping the command ourselves may end its output with an error: that is not a failure.
      if (closed) return;
      throw error;
    } finally {
      // Leaving early (the reader stopped, or a failure) must not leave the command running.
      if (!finished) output.stop();
    }
    if (buffer.trim() !== '' && !closed) yield buffer;
    const how = await output.exit;
    if (closed) return;
    const tail = stderrTail();
    throw new Error(`${what} ended (${how})${tail ? `: ${tail}` : ''}`);
  }
  return {
    lines: { [Symbol.asyncIterator]: lines },
    close() {
      closed = true;
      running?.stop();
    },
  };
}

/** Runs the guest collector as a local process (tests, and a Linux host reading its own cgroup v2 tree). */
export function spawnGuestStats(
  command: string,
  intervalMs: number,
  env: NodeJS.ProcessEnv = process.env,
): GuestStatsSource {
  return commandSource(async () => {
    const child = spawn(command, [String(Math.round(intervalMs))], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('close', (code, signal) => resolve(describeExit(code, signal)));
    });
    const stop = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    return { stdout: child.stdout, stderr: child.stderr, exit, stop };
  }, command);
}
