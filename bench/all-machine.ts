// What machine a benchmark report was measured on: cores, memory, kernel, OS, Node, the engine and its CLI,
// QEMU and Chromium versions, and the commit measured. Each fact is asked of its tool; a tool that is not
// there says "not found" rather than failing the run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { CHROMIUM_PATH } from '../test/harness/browser';
import { dockerCliPath } from './docker-stats-reader';

export interface MachineFacts {
  cpus: string;
  memory: string;
  kernel: string;
  os: string;
  node: string;
  engine: string;
  dockerCli: string;
  qemu: string;
  chromium: string;
  commit: string;
}

/** What a command prints, trimmed; or an Error saying why it could not run. */
function output(command: string, args: string[]): string | Error {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 }).trim();
  } catch (error) {
    return error as Error;
  }
}

/** The first line a command prints, or "not found" (with why, when it is there but failed). */
function firstLine(command: string, args: string[]): string {
  const out = output(command, args);
  if (!(out instanceof Error)) return out.split('\n')[0]!.trim();
  return (out as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `not found (${out.message.split('\n')[0]})`;
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown';
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}

/** The docker CLI on PATH (the peer of most benches) and the one bench:stats runs, when they differ. */
function dockerClis(): string {
  const onPath = firstLine('docker', ['--version']);
  let stats: string;
  try {
    stats = dockerCliPath();
  } catch (error) {
    return `${onPath}; bench:stats: ${(error as Error).message}`;
  }
  const statsVersion = firstLine(stats, ['--version']);
  return statsVersion === onPath
    ? onPath
    : `\`docker\` on PATH: ${onPath}; ${stats} (bench:stats' peer): ${statsVersion}`;
}

export function machineFacts(repoRoot: string): MachineFacts {
  const list = cpus();
  const changes = output('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no']);
  return {
    cpus: `${list.length} × ${list[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: `${firstLine('uname', ['-s'])} ${release()}`,
    os: osName(),
    node: process.version,
    engine: firstLine('dockerd', ['--version']),
    dockerCli: dockerClis(),
    qemu: firstLine('qemu-system-x86_64', ['--version']),
    chromium: firstLine(CHROMIUM_PATH, ['--version']),
    commit:
      firstLine('git', ['-C', repoRoot, 'log', '-1', '--format=%h (%cs)']) +
      (typeof changes === 'string' && changes !== '' ? ', with uncommitted changes' : ''),
  };
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
