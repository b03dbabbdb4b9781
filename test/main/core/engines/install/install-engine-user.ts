// Run by engine-install.int.test.ts as a normal user (never root): Berth's core reads the first-run options
// (whether the Install button is offered, and why not) and asks setup:install-engine, collecting the stream's
// output and its end from the core's events as a window would; with `cancel`, it asks setup:cancel-install once
// the installer printed "started". Prints one JSON line with what it saw.
import { createCore } from '../../../../../main/core/create-core';
import { consoleLogger } from '../../../../../main/core/logger';
import type { StreamEnd } from '../../../../../main/shared/stream-types';

const STREAM = '00000000-0000-4000-8000-0000000000e1';

async function main(): Promise<void> {
  const core = createCore({ log: consoleLogger, transport: 'websocket', env: { ...process.env } });
  try {
    const options = await core.router.handle('engines:setup-options', {});
    let output = '';
    let end: StreamEnd | null = null;
    const stop = core.hub.subscribe((event, payload, to) => {
      if (to !== 'install-test') return;
      if (event === 'stream:data')
        output += (payload as { chunks: { text: string }[] }).chunks.map((chunk) => chunk.text).join('');
      if (event === 'stream:end') end = payload as StreamEnd;
    });
    const opened = await core.router.handle('setup:install-engine', { streamId: STREAM }, { id: 'install-test' });
    const deadline = Date.now() + 180_000;
    let cancel: unknown = null;
    while (opened.ok && !end && Date.now() < deadline) {
      if (process.argv[2] === 'cancel' && cancel === null && output.includes('started'))
        cancel = await core.router.handle('setup:cancel-install', {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stop();
    const offer = options.ok ? (options.data as { distroEngine: { install: unknown } | null }).distroEngine : null;
    console.log(`RESULT ${JSON.stringify({ offer: offer?.install ?? null, opened, output, end, cancel })}`);
  } finally {
    await core.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`[install-test] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
