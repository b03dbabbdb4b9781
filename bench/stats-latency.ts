// Latency of a stats reader: from the moment the spinner container is told to burn CPU to the first sample
// of it, arriving at the benchmark, that shows more than 20 % of a core.
import type { Sample, StatsReader } from './stats-reader';
import type { Spinner } from './stats-containers';
import { sleep } from './stats-window';

const busyPercent = 20;
// Idle: the spinner polls its trigger with `sleep 0.05`, which costs well under this.
const idlePercent = 5;
const waitTimeoutMs = 20_000;

function waitForSample(reader: StatsReader, accept: (sample: Sample) => boolean, what: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`[bench] ${reader.label}: no sample ${what} within ${waitTimeoutMs / 1000} s`));
    }, waitTimeoutMs);
    const stop = reader.onSample((sample) => {
      if (!accept(sample)) return;
      clearTimeout(timer);
      stop();
      resolve(sample);
    });
  });
}

/** Latencies in ms, one per trial. */
export async function measureLatency(reader: StatsReader, spinner: Spinner, trials: number): Promise<number[]> {
  const isSpinner = (key: string) =>
    key === spinner.id || key === spinner.name || (key.length >= 12 && spinner.id.startsWith(key));
  const idleAfter = (since: number) => (sample: Sample) =>
    isSpinner(sample.key) && sample.at > since && sample.cpuPercent !== null && sample.cpuPercent < idlePercent;

  spinner.reset();
  await waitForSample(reader, idleAfter(Date.now()), 'showing the spinner idle');
  const latencies: number[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    // A random delay, so triggers land at random points of the readers' sampling cycles instead of at one phase.
    await sleep(Math.random() * 1000);
    const triggeredAt = spinner.trigger();
    const busy = await waitForSample(
      reader,
      (sample) => isSpinner(sample.key) && sample.at >= triggeredAt && (sample.cpuPercent ?? 0) > busyPercent,
      'showing the spinner busy',
    );
    latencies.push(busy.at - triggeredAt);
    const resetAt = Date.now();
    spinner.reset();
    // A sample wholly after the reset shows it idle again; only then is the next trigger a clean change.
    await waitForSample(reader, idleAfter(resetAt), 'showing the spinner idle again');
  }
  return latencies;
}
