// Owns launching the system Chromium for UI tests: playwright-core cannot download its own browser here,
// so tests drive Debian's /usr/bin/chromium, headless.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

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
  return { headless: true, ...options, executablePath: CHROMIUM_PATH, args: [...ARGS, ...(options.args ?? [])] };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  assertChromium();
  return chromium.launch(chromiumOptions(options));
}

/**
 * The same Chromium as a server with its process in hand (`process().pid`), for benchmarks that read the
 * browser's CPU time from /proc; connect to it with `chromium.connect(server.wsEndpoint())`.
 */
export async function launchChromiumServer(options: LaunchOptions = {}): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer(chromiumOptions(options));
}
