// Owns launching the system Chromium for UI tests: playwright-core cannot download its own browser here,
// so tests drive Debian's /usr/bin/chromium, headless.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  // Chromium refuses to run as root with its sandbox; CI runs as root.
  '--no-sandbox',
  '--disable-gpu',
  // Nothing outside loopback is reachable: keep the browser from trying.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`[harness] ${CHROMIUM_PATH} is missing: run npm run setup:test (installs Debian's chromium)`);
  }
}

function chromiumOptions(options: LaunchOptions): LaunchOptions {
  return {
    headless: true,
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...ARGS, ...(options.args ?? [])],
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  assertChromium();
  const browser = await chromium.launch(chromiumOptions(options));
  reportPageProblems(browser);
  return browser;
}

/**
 * The same Chromium as a server with its process in hand (`process().pid`), for benchmarks that read the
 * browser's CPU time from /proc; connect to it with `chromium.connect(server.wsEndpoint())`.
 */
export async function launchChromiumServer(options: LaunchOptions = {}): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer(chromiumOptions(options));
}

/**
 * Prints what goes wrong inside every page the tests open (uncaught errors, console errors, failed requests),
 * so that a test that times out waiting for an element says why the page did not show it.
 */
function reportPageProblems(browser: Browser): void {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>): Promise<Page> => {
    const page = await newPage(...args);
    page.on('crash', () => console.log('[page] crashed (its renderer process died)'));
    page.on('pageerror', (error) => console.log(`[page] uncaught: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[page] console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) =>
      console.log(
        `[page] request failed: ${request.url().replace(/token=[^&]+/, 'token=…')} ${request.failure()?.errorText}`,
      ),
    );
    return page;
  };
}
