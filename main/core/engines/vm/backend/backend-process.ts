// The processes a backend runs (vfkit, wsl.exe), behind a small interface so unit tests drive a backend's state
// machine with a scripted process instead of a hypervisor this machine does not have; spawnProcess is the real
// one. Also the wait loop the backends share: poll a check until it answers, the process dies or time runs out.
import { execFile, spawn } from 'node:child_process';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BackendChild {
  readonly pid: number | undefined;
  /** Resolves once, when the process has exited (or could not be started). */
  readonly exited: Promise<ProcessExit>;
  /** null while it runs. */
  exit(): ProcessExit | null;
  /** Its standard error (and output) so far, the tail only: what it said before dying. */
  output(): Buffer;
  kill(signal: NodeJS.Signals): void;
}

export type Spawner = (binary: string, args: string[], env?: NodeJS.ProcessEnv) => BackendChild;

const OUTPUT_TAIL_BYTES = 8_000;

/** Spawns for real: its own process group (a Ctrl-C meant for Berth must not pull the guest's plug). */
export const spawnProcess: Spawner = (binary, args, env) => {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  let output = Buffer.alloc(0);
  let exit: ProcessExit | null = null;
  const keep = (chunk: Buffer): void => {
    output = Buffer.concat([output, chunk]).subarray(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(`\n${error.message}`));
      exit ??= { code: null, signal: null };
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit ??= { code, signal };
      // 'exit' can come before the last of its output has been read: wait for the pipes to close, so whoever
      // reports the exit reports all the process said (a test once saw "starting" without "failed"), but not
      // for long, as a child the process left behind could hold them open.
      const settled = exit;
      const grace = setTimeout(() => resolve(settled), 500);
      child.once('close', () => {
        clearTimeout(grace);
        resolve(settled);
      });
    });
  });
  return {
    pid: child.pid,
    exited,
    exit: () => exit,
    output: () => output,
    kill: (signal) => {
      if (exit === null) child.kill(signal);
    },
  };
};

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `check` every `intervalMs` until it returns a value (not undefined); throws what `check` throws, or
 * `gone()` once it names a reason (the process died), or a deadline error after `deadlineMs`.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { deadlineMs: number; intervalMs: number; gone: () => string | null },
): Promise<T> {
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    const gone = options.gone();
    if (gone) throw new Error(`${gone} while waiting for ${what}`);
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${options.deadlineMs / 1000} s for ${what} in vain`);
    await sleep(options.intervalMs);
  }
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/** One short command to completion, as bytes (wsl.exe's may be UTF-16LE), `stdin` written to it first. */
export function runProcess(
  binary: string,
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      binary,
      args,
      { encoding: 'buffer', env: options.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: unknown }) | null;
        const code = failed ? (typeof failed.code === 'number' ? failed.code : null) : 0;
        const said = failed && code === null ? Buffer.from(`\n${failed.message}`) : Buffer.alloc(0);
        resolve({ code, stdout, stderr: Buffer.concat([stderr, said]) });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
