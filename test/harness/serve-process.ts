// Runs the built `berth serve` as a real child process, the way a user runs it, and reads the link it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../../dist/main/cli.js', import.meta.url));

export interface ServeProcess {
  url: string;
  /** The serve process's pid, for benchmarks that read its CPU time and RSS from /proc. */
  pid: number;
  port: number;
  token: string;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** HOME (and so Berth's config folder) to use and keep, e.g. the same one across a restart; else a new one, removed at stop. */
  home?: string;
}

/**
 * Starts serve against `dockerHost` with an empty HOME, so the user's docker config is never read.
 * `extraEnv` adds variables such as BERTH_STATS_COLLECTOR.
 */
export async function startServe(
  dockerHost: string,
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<ServeProcess> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'berth-serve-home-'));
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...extraArgs], {
    // No embedded engine: a test that starts serve with its engine away must not make Berth start a dockerd. No
    // engine installer either (a path that does not exist), unless the test names one: nothing gets installed.
    env: {
      PATH: process.env.PATH,
      HOME: home,
      DOCKER_HOST: dockerHost,
      BERTH_EMBEDDED_ENGINE: '0',
      BERTH_ENGINE_INSTALLER: '/nonexistent/berth-test-engine-install',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no link within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const line = output
        .split('\n')
        .find((candidate) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(candidate.trim()));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its link:\n${output}`));
    });
  });
  const parsed = new URL(url);

  return {
    url,
    pid: child.pid!,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.home) rmSync(home, { recursive: true, force: true });
    },
  };
}
