// When `berth serve` loads its core. Loading it (dockerode with ssh2 and gRPC, the services, then the engine
// connection: a few hundred ms, mostly synchronous module evaluation) blocks the one thread that also serves
// the page, so a browser opening the link at once used to wait for all of it before it got even the HTML.
// Its modules now load in steps (a package or two each), each only while the server is idle, so a request
// arriving during one waits for that step alone; and the core is created (services, engine connection, the
// recorder opening every container's stats: much of the rest) only once the page's own files are sent, the
// browser running them on another core meanwhile, or when no browser came within a moment of the link being
// printed. A bridge socket asking for the core, or a server that never goes quiet, hurries all of it.

export interface CoreStartTiming {
  /** With no request yet: how long after listening to wait for a browser before creating the core anyway. */
  firstVisitMs: number;
  /** The page's files still unasked and no request in flight: how long before the browser counts as done. */
  quietMs: number;
  /** After this long, the remaining steps run whatever the server is doing. */
  maxWaitMs: number;
}

/**
 * A browser launched with the link asks for the page within firstVisitMs; a person opening it by hand takes
 * longer, and finds the core created. quietMs is well above the gaps inside the page's burst (a browser with
 * some files cached asks for fewer).
 */
export const defaultCoreStartTiming: CoreStartTiming = { firstVisitMs: 500, quietMs: 300, maxWaitMs: 3000 };

/** The server's requests, as CoreStart hears of them (serve-server.ts calls these). */
export interface ServeActivity {
  /** `path` is the request's URL path, query included. */
  requestBegan(path: string): void;
  requestEnded(path: string): void;
  /** An allowed bridge socket is waiting for the core. */
  bridgeWanted(): void;
}

/**
 * The files the page loads before its scripts run, from its HTML: classic and module scripts, preloaded
 * modules and stylesheets (relative paths such as `assets/index-1a2b.js`). Not the icon: asked for late.
 */
export function pageFiles(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    if (tag.startsWith('<link') && !/\brel="(modulepreload|stylesheet)"/.test(tag)) continue;
    const target = /\b(?:src|href)="\.\/([^"?#]+)"/.exec(tag)?.[1];
    if (target) files.add(target);
  }
  return [...files];
}

export class CoreStart implements ServeActivity {
  /** Resolves once every step has run and the core may be created; never, when serve stopped first. */
  readonly loaded: Promise<void>;
  private inFlight = 0;
  private readonly unasked: Set<string>;
  /** A browser is fetching the page: its files go first. */
  private pageWanted = false;
  /** A page's burst ended, or none came within firstVisitMs: creating the core takes nothing from the page. */
  private pageSent = false;
  private hurried = false;
  private cancelled = false;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxWaitTimer: ReturnType<typeof setTimeout>;
  private wake: (() => void) | null = null;
  private beginNow!: () => void;

  /** `files`: what the page loads before its scripts run (pageFiles()). */
  constructor(
    steps: Array<() => Promise<unknown>>,
    files: string[],
    private readonly timing: CoreStartTiming = defaultCoreStartTiming,
  ) {
    this.unasked = new Set(files);
    this.maxWaitTimer = setTimeout(() => this.hurry(), timing.maxWaitMs);
    const begun = new Promise<void>((resolve) => (this.beginNow = resolve));
    this.loaded = begun.then(() => this.run(steps));
  }

  /** The server listens: the steps may run (never before, so the link is printed without waiting for one). */
  begin(): void {
    this.beginNow();
    const firstVisit = setTimeout(() => {
      if (!this.pageWanted && this.inFlight === 0) this.pageDone();
    }, this.timing.firstVisitMs);
    // Never keeps serve running by itself.
    firstVisit.unref();
  }

  /** True once stop() was called: no step runs after it. */
  get stopped(): boolean {
    return this.cancelled;
  }

  requestBegan(_path: string): void {
    this.inFlight += 1;
    if (this.unasked.size > 0) this.pageWanted = true;
    this.clearQuietTimer();
  }

  requestEnded(path: string): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const file = path.split('?')[0] ?? '';
    for (const unasked of this.unasked) if (file.endsWith(`/${unasked}`)) this.unasked.delete(unasked);
    if (this.unasked.size === 0 && this.pageWanted) this.pageDone();
    if (this.inFlight > 0) return;
    if (this.pageWanted) this.quietTimer = setTimeout(() => this.pageDone(), this.timing.quietMs);
    this.wakeUp();
  }

  bridgeWanted(): void {
    this.hurry();
  }

  /** Serve is stopping: the steps not run yet never will. */
  stop(): void {
    this.cancelled = true;
    this.clearQuietTimer();
    clearTimeout(this.maxWaitTimer);
    this.wakeUp();
  }

  private async run(steps: Array<() => Promise<unknown>>): Promise<void> {
    for (const step of steps) {
      await this.idle(() => this.inFlight > 0 || this.pageWanted);
      if (this.cancelled) return new Promise<void>(() => undefined);
      await step();
    }
    await this.idle(() => this.inFlight > 0 || this.pageWanted || !this.pageSent);
    if (this.cancelled) return new Promise<void>(() => undefined);
    clearTimeout(this.maxWaitTimer);
  }

  /** One turn of the event loop (so a request that arrived meanwhile is seen), then while `busy` holds. */
  private async idle(busy: () => boolean): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.hurried && !this.cancelled && busy()) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** The page's files not asked for yet will not be (cached, or not a browser): stop waiting for them. */
  private pageDone(): void {
    this.unasked.clear();
    this.pageWanted = false;
    this.pageSent = true;
    this.clearQuietTimer();
    this.wakeUp();
  }

  private hurry(): void {
    this.hurried = true;
    this.clearQuietTimer();
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private clearQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }
}
