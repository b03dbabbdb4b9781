// The containers the stats benchmark watches: N idle ones with limits (so every stats field has a limit to
// report), and one "spinner" for latency that burns CPU while a trigger file exists on the host.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { TEST_LABEL } from '../test/harness/containers';

export const benchImage = 'berth-bench/busybox:latest';

const limits = { NanoCpus: 0.5e9, Memory: 64 * 1024 * 1024, PidsLimit: 64 };
// Creating in parallel is faster, but too many at once makes the engine time out on a 2-core machine.
const createConcurrency = 4;

export async function startIdleContainers(docker: Dockerode, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const container = await docker.createContainer({
        Image: benchImage,
        name: `bench-stats-${index}`,
        Cmd: ['sleep', '3600'],
        Labels: { [TEST_LABEL]: '1' },
        // sleep as PID 1 ignores SIGTERM; a short stop timeout keeps removal quick.
        StopTimeout: 1,
        HostConfig: { ...limits },
      });
      await container.start();
    }
  };
  await Promise.all(Array.from({ length: Math.min(createConcurrency, count) }, worker));
}

export interface Spinner {
  id: string;
  name: string;
  /** Makes the container spin; returns Date.now() taken just before the trigger file was created. */
  trigger(): number;
  /** Makes it idle again. */
  reset(): void;
  remove(): Promise<void>;
}

/**
 * The trigger is a file in a host directory bind-mounted into the container, so firing it costs one host
 * `writeFileSync` and no engine round trip (an exec would add its own latency to what we measure). The
 * container polls for it every 50 ms, so it starts spinning 0–50 ms (plus a fork) after the trigger.
 * Its limit is one full core, so a spin shows as up to 100 % without starving the other core.
 */
export async function startSpinner(docker: Dockerode): Promise<Spinner> {
  const triggerDir = mkdtempSync(join(tmpdir(), 'berth-bench-trigger-'));
  const name = 'bench-stats-spinner';
  const script =
    'while :; do while [ ! -e /trigger/go ]; do sleep 0.05; done; while [ -e /trigger/go ]; do :; done; done';
  const container = await docker.createContainer({
    Image: benchImage,
    name,
    Cmd: ['sh', '-c', script],
    Labels: { [TEST_LABEL]: '1' },
    StopTimeout: 1,
    HostConfig: { ...limits, NanoCpus: 1e9, Binds: [`${triggerDir}:/trigger`] },
  });
  await container.start();
  const goFile = join(triggerDir, 'go');
  return {
    id: container.id,
    name,
    trigger: () => {
      const at = Date.now();
      writeFileSync(goFile, '');
      return at;
    },
    reset: () => rmSync(goFile, { force: true }),
    remove: async () => {
      await container.remove({ force: true, v: true });
      rmSync(triggerDir, { recursive: true, force: true });
    },
  };
}
