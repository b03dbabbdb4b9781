// Measures how long from launching `berth serve` until a container list is visible in Chromium, next to a
// peer in the same run: the docker CLI listing the same containers (`docker ps -a`). Shared by
// `npm run bench:startup` and `npm run bench:ui`.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import type { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';

export interface StartupRuns {
  /** `serve` launch → containers visible, ms per run. */
  berth: number[];
  /** `serve` launch → its link printed, ms per run. */
  ready: number[];
  /** `docker ps -a`, ms per run. */
  cli: number[];
}

/**
 * `runs` times: open a blank tab, start serve, open its page in that tab, go to Containers and wait for the row
 * named `firstRow` and the subtitle counting `running` of `total`; then time `docker ps -a` on the same engine.
 */
export async function measureStartup(
  engine: PrivateEngine,
  browser: Browser,
  { runs, firstRow, running, total }: { runs: number; firstRow: string; running: number; total: number },
): Promise<StartupRuns> {
  const result: StartupRuns = { berth: [], ready: [], cli: [] };
  for (let run = 0; run < runs; run += 1) {
    // The browser's tab is open before the clock starts, as a user's browser is: opening one through Playwright
    // took 150–700 ms here, none of it Berth's. (In the Electron app the window is made while the core starts.)
    const page = await browser.newPage();
    const started = performance.now();
    const serve = await startServe(engine.dockerHost);
    result.ready.push(performance.now() - started);
    try {
      await page.goto(serve.url);
      await page.getByRole('navigation').getByRole('link', { name: 'Containers', exact: true }).click();
      // The list is virtualised, so not every row is in the page: wait for the first row and the full count.
      await page.getByRole('row', { name: new RegExp(`\\b${firstRow}\\b`) }).waitFor({ timeout: 30_000 });
      await page.getByText(`${running} running · ${total} total`).waitFor({ timeout: 30_000 });
      result.berth.push(performance.now() - started);
    } finally {
      await page.close();
      await serve.stop();
    }

    const cliStarted = performance.now();
    execFileSync('docker', ['-H', engine.dockerHost, 'ps', '-a'], { stdio: 'ignore' });
    result.cli.push(performance.now() - cliStarted);
  }
  return result;
}
