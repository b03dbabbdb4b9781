// The behaviour a user tunes for: a busy loop at 1.0 CPU lowered live to 0.25 CPU uses ≈ 25 % of a core within
// 3 s, and the kernel throttles it. Measured from the container's own cgroup counters (cpuacct.usage and
// cpu.stat), not from Berth's stats, so the check does not depend on the code that reports it.
import { describe, expect, it } from 'vitest';
import { cgroupFile, limitsSuite, pause, runContainer } from './limits-fixture';

const { f } = limitsSuite();

interface Counters {
  at: number;
  usageNs: number;
  periods: number;
  throttled: number;
}

async function counters(id: string): Promise<Counters> {
  const [usage, stat] = await Promise.all([
    cgroupFile(f.docker, id, 'cpuacct', 'cpuacct.usage'),
    cgroupFile(f.docker, id, 'cpu', 'cpu.stat'),
  ]);
  const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(stat)?.[1] ?? NaN);
  return {
    at: performance.now(),
    usageNs: Number(usage),
    periods: field('nr_periods'),
    throttled: field('nr_throttled'),
  };
}

/** CPU used between two readings in % of one core, and the share of CFS periods that were throttled. */
function between(a: Counters, b: Counters): { cpuPercent: number; throttledPercent: number } {
  const cpuPercent = ((b.usageNs - a.usageNs) / 1e6 / (b.at - a.at)) * 100;
  const periods = b.periods - a.periods;
  return { cpuPercent, throttledPercent: periods > 0 ? ((b.throttled - a.throttled) / periods) * 100 : 0 };
}

describe('lowering the CPU limit of a busy container', () => {
  it('takes it from ≈ 100 % to ≈ 25 % of a core within 3 s, throttled in most periods', async () => {
    const id = await runContainer(f.docker, 'busy', 'while :; do :; done', { NanoCpus: 1e9 });
    await pause(1000);
    const a = await counters(id);
    await pause(1000);
    const atOne = between(a, await counters(id));
    // A single busy thread under a 1-CPU quota: a whole core when the machine has one to give, less when other
    // work shares both cores (84–94 % measured here beside other test runs); clearly above the 25 % to come.
    expect(atOne.cpuPercent).toBeGreaterThan(45);
    expect(atOne.cpuPercent).toBeLessThan(110);

    const applied = performance.now();
    const result = await f.service.apply(id, { cpus: 0.25 }, false);
    expect(result.after.cpus).toBe(0.25);
    // The second second after the apply: the new quota has had a full second to show, well inside 3 s.
    await pause(1000 - (performance.now() - applied));
    const b = await counters(id);
    await pause(1000);
    const c = await counters(id);
    expect(c.at - applied).toBeLessThan(3000);
    const atQuarter = between(b, c);
    const show = (m: { cpuPercent: number; throttledPercent: number }) =>
      `${m.cpuPercent.toFixed(1)} % CPU, ${m.throttledPercent.toFixed(0)} % throttled`;
    console.info(
      `[limits-test] busy loop at 1.0 CPU: ${show(atOne)}; at 0.25 CPU (1–2 s after the apply): ${show(atQuarter)}`,
    );
    expect(atQuarter.cpuPercent).toBeGreaterThan(15);
    expect(atQuarter.cpuPercent).toBeLessThan(35);
    // It wants a whole core and gets a quarter: nearly every 100 ms period ends throttled.
    expect(atQuarter.throttledPercent).toBeGreaterThan(80);
    expect(atQuarter.throttledPercent).toBeGreaterThan(atOne.throttledPercent);
  });
});
