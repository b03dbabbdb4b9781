// Resource Saver-like idle stop: once a minute, asks the VM's engine how many containers run; after
// `minutes` in a row with none, calls `stop` with the reason (which the provider logs).
export interface IdleStopOptions {
  minutes: number;
  runningContainers(): Promise<number>;
  stop(reason: string): void;
  note(line: string): void;
  checkEveryMs?: number;
}

export class IdleStop {
  private idleSince: number | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: IdleStopOptions) {
    this.timer = setInterval(() => void this.check(), options.checkEveryMs ?? 60_000);
    this.timer.unref();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  /** One check; public so tests drive it without waiting a minute. */
  async check(now = Date.now()): Promise<void> {
    let running: number;
    try {
      running = await this.options.runningContainers();
    } catch (error) {
      // Not knowing is not idle: a busy engine that answered late must not be stopped.
      this.options.note(`[vm] idle check could not list containers: ${(error as Error).message}`);
      return;
    }
    if (running > 0) {
      this.idleSince = null;
      return;
    }
    this.idleSince ??= now;
    if (now - this.idleSince >= this.options.minutes * 60_000) {
      this.dispose();
      this.options.stop(`no container ran for ${this.options.minutes} min (idle stop)`);
    }
  }
}
