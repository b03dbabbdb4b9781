// Preloaded into the `berth serve` the soak runs (NODE_OPTIONS=--import): measures the core's own event-loop
// delay with perf_hooks and prints it, with the heap, every few seconds on stderr as `[soak-probe] {json}`, so
// the soak reads the real built core without changing it. Unref'd: it never keeps the process alive.
// On SIGWINCH (harmless to a process without a terminal; SIGUSR2 belongs to the fault hook) it forces a full
// garbage collection and prints `[soak-probe-gc] {json}`: the V8 heap still in use then is what a leak grows,
// while RSS also moves with the allocator's caches and fragmentation. With BERTH_SOAK_SNAPSHOTS=<folder> it
// also writes a heap snapshot there each time, to compare what is retained between two points.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

const intervalMs = Number(process.env.BERTH_SOAK_PROBE_MS ?? 5000);
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

setInterval(() => {
  const memory = process.memoryUsage();
  const sample = {
    t: Date.now(),
    p99Ms: histogram.percentile(99) / 1e6,
    maxMs: histogram.max / 1e6,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
  };
  histogram.reset();
  process.stderr.write(`[soak-probe] ${JSON.stringify(sample)}\n`);
}, intervalMs).unref();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const snapshots = process.env.BERTH_SOAK_SNAPSHOTS;
let gcCount = 0;
process.on('SIGWINCH', () => {
  gc();
  const memory = process.memoryUsage();
  const sample = {
    t: Date.now(),
    heapUsed: memory.heapUsed,
    rss: memory.rss,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
  };
  gcCount += 1;
  if (snapshots) writeHeapSnapshot(join(snapshots, `core-${gcCount}.heapsnapshot`));
  process.stderr.write(`[soak-probe-gc] ${JSON.stringify(sample)}\n`);
});

// `--cpu-prof` is refused in NODE_OPTIONS: with BERTH_SOAK_PROFILE=<file>, profile through the inspector instead.
// An in-thread session answers synchronously, so the profile can still be written on 'exit'.
const profileFile = process.env.BERTH_SOAK_PROFILE;
if (profileFile) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) process.stderr.write(`[soak-probe] profile failed: ${error.message}\n`);
      else writeFileSync(profileFile, JSON.stringify(result.profile));
    });
  });
}
