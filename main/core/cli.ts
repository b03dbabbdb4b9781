#!/usr/bin/env node
// `berth serve`: runs the core under plain Node and serves the renderer and the WebSocket bridge on
// loopback, for machines without an Electron runtime, headless boxes over an SSH tunnel, and tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferDockerodeSession } from './connection/defer-dockerode-session';
import { CoreStart, pageFiles } from './serve/core-start';
import { parseServeArgs, serveUsage } from './serve/serve-args';
import type { Core } from './create-core';
import { consoleLogger, type Logger } from './logger';
import { installCrashPolicy } from './process/crash-policy';
import { installFaultHook } from './process/fault-hook';
import { QUIT_DEADLINE_MS, stopWithin, waitForQuitSignal } from './process/quit-on-signal';
import { startServeServer, type ServeHandle } from './serve/serve-server';

async function main(argv: string[]): Promise<number> {
  const parsed = parseServeArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n\n${serveUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${serveUsage}\n`);
    return 0;
  }
  const log = consoleLogger;
  // Listening before anything starts: a signal during start-up must stop what was started, not kill Berth.
  const quit = waitForQuitSignal(log, '[serve]');
  // The core loads in steps while the server is idle, the page's own files going first (core-start.ts).
  // Built layout: dist/main/cli.js beside dist/renderer/.
  const rendererDir = parsed.rendererDir ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const coreStart = new CoreStart(coreSteps, await pageFilesIn(rendererDir, log));
  let coreCreated = false;
  const coreReady: Promise<Core> = coreStart.loaded.then(async () => {
    const { createCore } = await import('./create-core');
    // Stopped while the last step ran: no engine may start after the stop.
    if (coreStart.stopped) return new Promise<Core>(() => undefined);
    coreCreated = true;
    return createCore({ log, transport: 'websocket' });
  });
  let handle: ServeHandle | null = null;
  const stop = async (): Promise<void> => {
    coreStart.stop();
    await handle?.close();
    if (coreCreated) await (await coreReady.catch(() => null))?.close();
  };
  coreReady.catch(async (error: unknown) => {
    log.error('[serve] the core failed to load', error);
    await stopWithin({ log, source: '[serve]', stop, deadlineMs: QUIT_DEADLINE_MS });
    process.exit(1);
  });
  installCrashPolicy({
    log,
    onFatal: async () => void (await stopWithin({ log, source: '[serve]', stop, deadlineMs: QUIT_DEADLINE_MS })),
  });
  installFaultHook(process.env);
  try {
    handle = await startServeServer({
      core: coreReady,
      log,
      rendererDir,
      port: parsed.port,
      host: parsed.host,
      activity: coreStart,
    });
  } catch (error) {
    // An engine may already be starting (Berth's own, or the active one): stop it before saying why.
    await stopWithin({ log, source: '[serve]', stop, deadlineMs: QUIT_DEADLINE_MS });
    throw error;
  }
  process.stdout.write(`[serve] Berth is serving on loopback only. Open this link (it carries the session token):\n`);
  process.stdout.write(`${handle.url}\n`);
  coreStart.begin();

  const signal = await quit;
  log.info(
    `[serve] stopping (${signal}): closing the bridge, then stopping the engines Berth runs (at most ${QUIT_DEADLINE_MS / 1000} s)`,
  );
  return (await stopWithin({ log, source: '[serve]', stop, deadlineMs: QUIT_DEADLINE_MS })) === 'stopped' ? 0 : 1;
}

/** The core's heaviest modules first, a step each; the last brings the rest of the core. */
const coreSteps = [
  () => import('ssh2'),
  () => {
    deferDockerodeSession();
    return import('dockerode');
  },
  () => import('./create-core'),
];

/** The files the page loads first; none when index.html cannot be read (startServeServer then says why). */
async function pageFilesIn(rendererDir: string, log: Logger): Promise<string[]> {
  try {
    return pageFiles(await readFile(join(rendererDir, 'index.html'), 'utf8'));
  } catch (error) {
    log.warn(`[serve] cannot read the page's file list: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[serve] failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
