// The core process's crash policy (`berth serve`, and the Electron main process): an error nothing caught
// (an uncaught exception, an unhandled rejection) is logged with its stack and Berth keeps serving, since the
// request that caused it already failed with a typed error through the router and one bad event must not take
// every window and engine down. Only a storm of them (the process is broken, not one request) is fatal: then
// `onFatal` stops what Berth owns, as a quit does, and the process exits. Whatever a fatal exit cannot stop
// is found again at the next start (pidfiles + command-line markers: dockerd/leftovers.ts, vm/vm-leftovers.ts).
import type { Logger } from '../logger';

export interface CrashPolicyOptions {
  log: Logger;
  /** Stops what Berth owns before a fatal exit (bounded by the caller). */
  onFatal(reason: string): Promise<void>;
  /** This many unexpected errors within `windowMs` mean the process is broken: exit. */
  fatalCount?: number;
  windowMs?: number;
  /** For tests: what exits the process (default process.exit). */
  exit?(code: number): void;
}

/** The exit code of a fatal exit after the crash policy gave up (EX_SOFTWARE). */
export const FATAL_EXIT_CODE = 70;

/** Installs the policy on `process`; returns a function that removes it. */
export function installCrashPolicy(options: CrashPolicyOptions): () => void {
  const { log } = options;
  const fatalCount = options.fatalCount ?? 20;
  const windowMs = options.windowMs ?? 10_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const recent: number[] = [];
  let fatal = false;

  const unexpected = (kind: string, error: unknown): void => {
    log.error(`[core] unexpected ${kind} (Berth keeps running; please report it with this stack):`, error);
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && recent[0]! < now - windowMs) recent.shift();
    if (fatal || recent.length < fatalCount) return;
    fatal = true;
    const reason = `${recent.length} unexpected errors within ${windowMs / 1000} s`;
    log.error(`[core] ${reason}: Berth is stopping what it runs and exiting`);
    options.onFatal(reason).then(
      () => exit(FATAL_EXIT_CODE),
      (error: unknown) => {
        log.error('[core] stopping what Berth runs failed too; the next start finds what is left', error);
        exit(FATAL_EXIT_CODE);
      },
    );
  };
  const onException = (error: Error): void => unexpected('error', error);
  const onRejection = (reason: unknown): void => unexpected('rejection', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
