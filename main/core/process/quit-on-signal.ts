// How the core process quits on a signal: the first SIGINT or SIGTERM starts one bounded stop (the bridge,
// then the engines Berth runs), and every later one is only acknowledged. A Ctrl-C reaches the whole process
// group, so `npm run serve` delivers it twice (from the terminal and from scripts/start.mjs, which forwards
// it): with a one-shot handler the second SIGINT killed Berth mid-stop and left its dockerd and containerd
// running. The stop has a deadline; past it the process exits anyway and the next start finds what is left.
import type { Logger } from '../logger';

export const QUIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * How long quitting may take: the engines Berth runs stop side by side, a dockerd within 30 s (its containers
 * get 10 s), then its containerd within 15 s, a VM within 30 s; a little more for the bridge and the host.
 */
export const QUIT_DEADLINE_MS = 60_000;

export interface QuitOptions {
  log: Logger;
  /** `[serve]`, `[app]`: who is quitting, for the log. */
  source: string;
  /** Stops everything; resolves when done. */
  stop(): Promise<void>;
  deadlineMs: number;
}

/** Resolves with the first quit signal; later ones are acknowledged in the log and otherwise ignored. */
export function waitForQuitSignal(log: Logger, source: string): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: NodeJS.Signals | null = null;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (first) {
        log.info(
          `${source} ${signal} received: already stopping (since ${first}); Berth stops its engines before it exits`,
        );
        return;
      }
      first = signal;
      resolve(signal);
    };
    // Never removed: after the first signal the default action (exit at once) is exactly what must not happen.
    for (const signal of QUIT_SIGNALS) process.on(signal, onSignal);
  });
}

/** Runs `stop` within the deadline; returns 'stopped', or 'timed-out' (the caller exits anyway). */
export async function stopWithin(options: QuitOptions): Promise<'stopped' | 'timed-out'> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>(
    (resolve) => (timer = setTimeout(() => resolve('timed-out'), options.deadlineMs)),
  );
  const stopped = options.stop().then(
    () => 'stopped' as const,
    (error: unknown) => {
      options.log.error(`${options.source} stopping failed`, error);
      return 'stopped' as const;
    },
  );
  const outcome = await Promise.race([stopped, timedOut]);
  clearTimeout(timer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome === 'timed-out') {
    options.log.warn(
      `${options.source} not stopped within ${options.deadlineMs / 1000} s: exiting anyway; the next start stops what is left (pidfiles)`,
    );
  } else {
    options.log.info(`${options.source} stopped in ${seconds} s`);
  }
  return outcome;
}
