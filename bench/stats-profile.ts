// `sudo npx tsx bench/stats-profile.ts [--containers 100] [--seconds 60] [--out DIR] [--no-profile] [--import FILE]`
// (after `npm run build`; --import: one more module serve preloads, e.g. an allocation sampler): what
// Berth's core spends recording every container always-on with nobody watching (the always-on window of
// bench:stats), split by where it goes: per thread of the serve process (the main thread, libuv's pool for the
// history's writes, V8's compiler and GC helpers) and children it reaped, from /proc over the window; then the
// main thread's functions with the most self time, from a profile of serve (soak-probe.mjs's inspector profile:
// Node refuses `--cpu-prof` in NODE_OPTIONS) limited to the window. Open the .cpuprofile in Chrome's DevTools
// for the call tree. The profiler's sampling costs the main thread CPU of its own (and a thread): `--no-profile`
// measures the threads without it, for comparing two builds.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { removeTestContainers } from '../test/harness/containers';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import { clockTicks } from './proc-usage';
import { waitForRecording } from './stats-always-on';
import { benchImage, startIdleContainers } from './stats-containers';
import { sleep } from './stats-window';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** CPU ticks per thread name (threads of one name summed), and the reaped children's, of one process. */
function threadTicks(pid: number): Map<string, number> {
  const ticks = new Map<string, number>();
  const add = (name: string, value: number) => ticks.set(name, (ticks.get(name) ?? 0) + value);
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      add(tid === String(pid) ? `main (${name})` : name, Number(rest[11]) + Number(rest[12]));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  add('children reaped', Number(rest[13]) + Number(rest[14]));
  return ticks;
}

/** Main-thread self time per function between two epoch-ms times, largest first, as % of one core. */
/** `endedAt`: when the profile ended (serve exited), epoch ms. */
function topSelf(file: string, from: number, to: number, endedAt: number, count: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  // Profile times are µs on a monotonic clock; the window is placed by its distance from the profile's end.
  let t = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (t += delta));
  const end = times.at(-1)!;
  const offset = endedAt * 1000 - end;
  for (let i = 1; i < profile.samples.length; i += 1) {
    const at = (times[i]! + offset) / 1000;
    if (at < from || at > to) continue;
    const { functionName, url, lineNumber } = byId.get(profile.samples[i]!)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (times[i]! - times[i - 1]!));
  }
  const spanUs = (to - from) * 1000;
  return [...totals]
    .filter(([key]) => !key.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((us / spanUs) * 100).toFixed(3).padStart(7)} %  ${key}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      containers: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '60' },
      out: { type: 'string', default: '/tmp/berth-stats-profile' },
      'no-profile': { type: 'boolean', default: false },
      import: { type: 'string' },
    },
  });
  const profiled = !values['no-profile'];
  const count = Number(values.containers);
  const seconds = Number(values.seconds);
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const profileFile = join(out, `core-${Date.now()}.cpuprofile`);
  const engine = await PrivateEngine.start({ name: 'bench-stats-profile' });
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, benchImage);
    await startIdleContainers(docker, count);
    const probe = fileURLToPath(new URL('./soak-probe.mjs', import.meta.url));
    const profiling = {
      NODE_OPTIONS: `--import=${probe}`,
      // The probe's own event-loop report is not wanted here: once an hour is never within the window.
      BERTH_SOAK_PROBE_MS: '3600000',
      BERTH_SOAK_PROFILE: profileFile,
    };
    const imports = [
      ...(profiled ? [profiling.NODE_OPTIONS] : []),
      ...(values.import ? [`--import=${values.import}`] : []),
    ];
    const serve = await startServe(engine.dockerHost, [], {
      BERTH_STATS_COLLECTOR: 'cgroup',
      ...(profiled ? profiling : {}),
      ...(imports.length > 0 ? { NODE_OPTIONS: imports.join(' ') } : {}),
    });
    let from = 0;
    let to = 0;
    let endedAt = 0;
    try {
      await waitForRecording(serve, count);
      await sleep(5000);
      const start = threadTicks(serve.pid);
      from = Date.now();
      await sleep(seconds * 1000);
      const end = threadTicks(serve.pid);
      to = Date.now();
      const span = (to - from) / 1000;
      const percent = (ticks: number) => ((ticks / clockTicks / span) * 100).toFixed(2).padStart(6);
      let total = 0;
      console.log(
        `\nserve's CPU over ${span.toFixed(0)} s recording ${count} containers (load average ${loadavg()[0]!.toFixed(2)}), % of one core, by thread:`,
      );
      for (const [name, ticks] of end) {
        const delta = ticks - (start.get(name) ?? 0);
        total += delta;
        if (delta > 0) console.log(`${percent(delta)} %  ${name}`);
      }
      console.log(`${percent(total)} %  total`);
    } finally {
      await serve.stop();
      endedAt = Date.now();
    }
    if (profiled) {
      console.log(`\n${profileFile}: main thread self time in the window, % of one core, top 25`);
      for (const line of topSelf(profileFile, from, to, endedAt, 25)) console.log(line);
    }
    await removeTestContainers(docker);
  } finally {
    await engine.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
