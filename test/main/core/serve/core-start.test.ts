// When `berth serve` loads its core: the module steps only while the server is idle, the core's creation only
// once the page's own files are sent (or no browser came, or a bridge socket asks), nothing after a stop.
import { describe, expect, it } from 'vitest';
import { CoreStart, pageFiles, type CoreStartTiming } from '../../../../main/core/serve/core-start';

const timing: CoreStartTiming = { firstVisitMs: 60, quietMs: 40, maxWaitMs: 5000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A CoreStart over `count` steps that record when they ran; `loaded` tracked as a flag. */
function tracked(count: number, files: string[], options: Partial<CoreStartTiming> = {}) {
  const ran: number[] = [];
  const steps = Array.from({ length: count }, (_, index) => async () => void ran.push(index));
  const start = new CoreStart(steps, files, { ...timing, ...options });
  const state = { loaded: false, failed: null as unknown };
  start.loaded.then(
    () => (state.loaded = true),
    (error: unknown) => (state.failed = error),
  );
  return { start, ran, state };
}

describe('pageFiles', () => {
  it("lists the page's scripts, preloaded modules and stylesheets, not its icon nor other sites' files", () => {
    const html = `<link rel="icon" href="./favicon.svg" />
      <script src="./load-guard.js"></script>
      <script type="module" crossorigin src="./assets/index-1a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/shared-2b.js">
      <link rel="stylesheet" crossorigin href="./assets/style-3c.css">
      <script src="https://elsewhere.example/x.js"></script>`;
    expect(pageFiles(html)).toEqual([
      'load-guard.js',
      'assets/index-1a.js',
      'assets/shared-2b.js',
      'assets/style-3c.css',
    ]);
  });
});

describe('CoreStart', () => {
  it('runs no step before the server listens', async () => {
    const { ran } = tracked(2, []);
    await sleep(timing.firstVisitMs + 20);
    expect(ran).toEqual([]);
  });

  it('with no browser: loads the modules at once and lets the core be created after firstVisitMs', async () => {
    const { start, ran, state } = tracked(3, ['assets/index.js']);
    start.begin();
    await sleep(10);
    expect(ran).toEqual([0, 1, 2]);
    expect(state.loaded).toBe(false);
    await sleep(timing.firstVisitMs + 20);
    expect(state.loaded).toBe(true);
  });

  it("holds the steps while a request is in flight or the page's files are being fetched", async () => {
    const { start, ran, state } = tracked(2, ['load-guard.js', 'assets/index.js']);
    start.requestBegan('/?token=t');
    start.begin();
    await sleep(timing.firstVisitMs + 20);
    expect(ran).toEqual([]);

    start.requestEnded('/?token=t');
    start.requestBegan('/s/abc/');
    start.requestEnded('/s/abc/');
    // Idle between the page's requests, but the browser is about to ask for the rest: nothing runs yet.
    await sleep(10);
    start.requestBegan('/s/abc/load-guard.js');
    start.requestEnded('/s/abc/load-guard.js');
    await sleep(10);
    expect(ran).toEqual([]);
    expect(state.loaded).toBe(false);
    start.requestBegan('/s/abc/assets/index.js?v=1');
    start.requestEnded('/s/abc/assets/index.js?v=1');
    await sleep(10);
    expect(ran).toEqual([0, 1]);
    expect(state.loaded).toBe(true);
  });

  it('stops waiting for page files that are never asked for (cached) once the server is quiet for quietMs', async () => {
    const { start, state } = tracked(1, ['load-guard.js', 'assets/index.js']);
    start.begin();
    start.requestBegan('/s/abc/');
    start.requestEnded('/s/abc/');
    await sleep(timing.quietMs / 2);
    expect(state.loaded).toBe(false);
    await sleep(timing.quietMs + 30);
    expect(state.loaded).toBe(true);
  });

  it('runs everything at once when a bridge socket asks for the core, requests in flight or not', async () => {
    const { start, ran, state } = tracked(2, ['assets/index.js']);
    start.begin();
    start.requestBegan('/s/abc/');
    await sleep(10);
    start.bridgeWanted();
    await sleep(10);
    expect(ran).toEqual([0, 1]);
    expect(state.loaded).toBe(true);
  });

  it('runs everything after maxWaitMs on a server that never goes quiet', async () => {
    const { start, ran, state } = tracked(2, ['assets/index.js'], { maxWaitMs: 80 });
    start.begin();
    start.requestBegan('/flood');
    await sleep(40);
    expect(ran).toEqual([]);
    await sleep(80);
    expect(ran).toEqual([0, 1]);
    expect(state.loaded).toBe(true);
  });

  it('runs no step after stop, and never resolves', async () => {
    const { start, ran, state } = tracked(2, []);
    start.requestBegan('/s/abc/');
    start.begin();
    start.stop();
    start.requestEnded('/s/abc/');
    await sleep(timing.firstVisitMs + 20);
    expect(start.stopped).toBe(true);
    expect(ran).toEqual([]);
    expect(state).toEqual({ loaded: false, failed: null });
  });

  it('fails when a step fails, so serve can say the core did not load', async () => {
    const start = new CoreStart([async () => Promise.reject(new Error('no dockerode'))], [], timing);
    start.begin();
    await expect(start.loaded).rejects.toThrow('no dockerode');
  });
});
