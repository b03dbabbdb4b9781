#!/usr/bin/env node
// `berth serve`: runs the core under plain Node and serves the renderer and the WebSocket bridge on
// loopback, for machines without an Electron runtime, headless boxes over an SSH tunnel, and tests.
import { fileURLToPath } from 'node:url';
import { parseServeArgs, serveUsage } from './serve/serve-args';
import { createCore } from './create-core';
import { consoleLogger } from './logger';
import { startServeServer } from './serve/serve-server';

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
  const core = createCore({ log: consoleLogger, transport: 'websocket' });
  // Built layout: dist/main/cli.js beside dist/renderer/.
  const rendererDir = parsed.rendererDir ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const handle = await startServeServer({ core, rendererDir, port: parsed.port, host: parsed.host });
  process.stdout.write(`[serve] Berth is serving on loopback only. Open this link (it carries the session token):\n`);
  process.stdout.write(`${handle.url}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('[serve] stopping\n');
  await handle.close();
  await core.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[serve] failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
