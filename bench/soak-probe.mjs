// Preloaded into the `berth serve` the soak runs (NODE_OPTIONS=--import): measures the core's own event-loop
// delay with perf_hooks and prints it, with the heap, every few seconds on stderr as `[soak-probe] {json}`, so
// the soak reads the real built core without changing it. Unref'd: it never keeps the process alive.
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
