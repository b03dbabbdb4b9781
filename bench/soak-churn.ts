// The soak's container churn: a few containers created and started, and as many of the older ones removed,
// every second, beside the fixed set. A round still running when the next is due is skipped and counted, so
// a slow engine shows as fewer rounds rather than a pile of overlapping calls.
import type Dockerode from 'dockerode';
import { TEST_LABEL } from '../test/harness/containers';
import { benchImage } from './stats-containers';

export interface Churn {
  created: number;
  removed: number;
  skippedRounds: number;
  failures: string[];
  stop(): Promise<void>;
}

export function startChurn(docker: Dockerode, perSecond: number, keep: number): Churn {
  const alive: string[] = [];
  let serial = 0;
  let busy: Promise<void> | null = null;
  const churn: Churn = {
    created: 0,
    removed: 0,
    skippedRounds: 0,
    failures: [],
    stop: async () => {
      clearInterval(timer);
      await busy;
    },
  };
  const createOne = async () => {
    const container = await docker.createContainer({
      Image: benchImage,
      name: `soak-churn-${(serial += 1)}`,
      Cmd: ['sleep', '3600'],
      Labels: { [TEST_LABEL]: '1' },
      StopTimeout: 1,
      HostConfig: { Memory: 32 * 1024 * 1024 },
    });
    await container.start();
    alive.push(container.id);
    churn.created += 1;
  };
  const removeOne = async (id: string) => {
    await docker.getContainer(id).remove({ force: true, v: true });
    churn.removed += 1;
  };
  // Creates and removals of one round run at once, as several users' tools would.
  const round = async () => {
    const gone = alive.splice(0, Math.max(0, alive.length + perSecond - keep));
    const results = await Promise.allSettled([...Array.from({ length: perSecond }, createOne), ...gone.map(removeOne)]);
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  const timer = setInterval(() => {
    if (busy) {
      churn.skippedRounds += 1;
      return;
    }
    busy = round()
      .catch((error: Error) => {
        // Kept for the report; the soak goes on, as a user's engine would.
        if (churn.failures.length < 20) churn.failures.push(error.message);
      })
      .finally(() => (busy = null));
  }, 1000);
  return churn;
}
