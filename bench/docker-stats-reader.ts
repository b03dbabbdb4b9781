// The peer reader: the docker CLI's own `docker stats`, streaming, as a user would run it. Its output is
// parsed only to time samples (for latency); its CPU cost is the CLI process's own.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssBytes, withDescendants } from './proc-usage';
import { SampleFanout, type Sample, type StatsReader } from './stats-reader';

// Debian's docker.io client first: it is the one `npm run setup:test` installs, the same release as the
// engine under test. A separately installed client elsewhere is the fallback.
const cliCandidates = ['/usr/bin/docker', '/usr/local/bin/docker'];

export function dockerCliPath(): string {
  const found = cliCandidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(`[bench] no docker CLI at ${cliCandidates.join(' or ')} (install docker.io: npm run setup:test)`);
  return found;
}

// The CLI clears the screen before every redraw, even into a pipe. Matching the ESC control character is
// the point of this pattern, so the rule against control characters in regexes does not apply here.
// eslint-disable-next-line no-control-regex
const ansiEscape = /\x1b\[[0-9;]*[A-Za-z]/g;

export async function startDockerStats(dockerHost: string, cliPath = dockerCliPath()): Promise<StatsReader> {
  // An empty config dir, so a user's ~/.docker/config.json (e.g. its statsFormat) cannot change the output.
  const configDir = mkdtempSync(join(tmpdir(), 'berth-bench-docker-config-'));
  const child = spawn(
    cliPath,
    ['--config', configDir, '-H', dockerHost, 'stats', '--format', '{{.Name}} {{.CPUPerc}}'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const fanout = new SampleFanout();
  let pending = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const at = Date.now();
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const sample = parseLine(line.replace(ansiEscape, '').trim(), at);
      if (sample) fanout.emit(sample);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new Error(`[bench] cannot run ${cliPath}: ${error.message}`)));
  });
  const pid = child.pid!;

  return {
    label: `${cliPath} stats`,
    pids: () => withDescendants(pid),
    rssBytes: () => withDescendants(pid).reduce((sum, each) => sum + (rssBytes(each) ?? 0), 0),
    onSample: (listener) => fanout.add(listener),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      } else if (child.exitCode !== 0) {
        console.warn(`[bench] docker stats had exited with ${child.exitCode}: ${errors.trim()}`);
      }
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** `name 12.34%`, or `name --` before the CLI has two readings to compute a rate from. */
function parseLine(line: string, at: number): Sample | undefined {
  const match = /^(\S+) (\S+)$/.exec(line);
  if (!match) return undefined;
  const value = Number.parseFloat(match[2]!);
  return { key: match[1]!, cpuPercent: Number.isFinite(value) ? value : null, at };
}
