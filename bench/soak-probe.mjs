// Preloaded into the `berth serve` the soak runs (NODE_OPTIONS=--import): measures the core's own event-loop
// delay with perf_hooks and prints it, with the heap, every few seconds on stderr as `[soak-probe] {json}`, so
// the soak reads the real built core without changing it. Unref'd: it never keeps the process alive.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

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
