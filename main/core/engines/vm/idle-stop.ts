// Resource Saver-like idle stop: once a minute, asks the VM's engine how many containers run; after
// `minutes` in a row with none, calls `stop` with the reason (which the provider logs).
export interface IdleStopOptions {
  minutes: number;
  runningContainers(): Promise<number>;
  stop(reason: string): void;
  note(line: string): void;
  checkEveryMs?: number;
  /**
   * How long one of `minutes` lasts: 60 000 except in tests, which shorten it (with `checkEveryMs`) so a real VM
   * stops in seconds while the settings keep whole minutes.
   */
  minuteMs?: number;
}

/** The timing knobs tests pass down from createCore to every VM's idle stop (CoreOptions.vmIdleTiming). */
export type IdleTiming = Pick<IdleStopOptions, 'checkEveryMs' | 'minuteMs'>;

export class IdleStop {
  private idleSince: number | null = null;
  private disposed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: IdleStopOptions) {
    this.timer = setInterval(() => void this.check(), options.checkEveryMs ?? 60_000);
    this.timer.unref();
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.timer);
  }

  /** One check; public so tests drive it without waiting a minute. */
  async check(now = Date.now()): Promise<void> {
    if (this.disposed) return;
    let running: number;
    try {
      running = await this.options.runningContainers();
    } catch (error) {
      if (this.disposed) return;
      // Not knowing is not idle: a busy engine that answered late must not be stopped.
      this.options.note(`[vm] idle check could not list containers: ${(error as Error).message}`);
      return;
    }
    // Disposed while the engine answered (the VM was stopped, or an earlier check stopped it): a late answer
    // must not stop the VM again, nor a VM booted since.
    if (this.disposed) return;
    if (running > 0) {
      this.idleSince = null;
      return;
    }
    this.idleSince ??= now;
    if (now - this.idleSince >= this.options.minutes * (this.options.minuteMs ?? 60_000)) {
      this.dispose();
      this.options.stop(`no container ran for ${this.options.minutes} min (idle stop)`);
    }
  }
}
