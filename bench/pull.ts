// `npm run bench:pull`: the same image (several layers of random data, made locally, tens of MB) pulled from
// a local registry by Berth and by `docker pull`, alternating, each from an empty image store. Berth is timed
// from the `images:pull` request to its transfer reporting done, through the core's router as the UI calls
// it; the CLI from process start to exit. Runs against a private engine and registry it starts itself (root
// needed), never the user's engine. The last line is `ratio=<berth/cli> berth_ms=<median> cli_ms=<median>`.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type Dockerode from 'dockerode';
import { createCore } from '../main/core/create-core';
import type { Logger } from '../main/core/logger';
import type { Transfer } from '../main/shared/transfer-types';
import { buildBusyboxImage, pushImage } from '../test/harness/busybox-image';
import { buildLayeredImage } from '../test/harness/layered-image';
import { PrivateEngine } from '../test/harness/private-engine';
import { PrivateRegistry } from '../test/harness/private-registry';
import { markdownTable, median } from './table';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const layers = Number(process.env.BENCH_LAYERS ?? 4);
const mibPerLayer = Number(process.env.BENCH_MIB_PER_LAYER ?? 10);
// The core's info lines (connects, reconnects) would interleave with the table; warnings and errors still show.
const quietLog: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};

async function connected(core: ReturnType<typeof createCore>): Promise<void> {
  for (let waited = 0; core.connection.status.state !== 'connected'; waited += 100) {
    if (waited > 30_000) throw new Error(`[bench] the core did not connect: ${JSON.stringify(core.connection.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Removes every image, so each pull fetches and extracts every layer. */
async function emptyImageStore(docker: Dockerode): Promise<void> {
  // Top-level images only: removing one removes its untagged parents with it (parents cannot go first).
  for (const image of await docker.listImages()) await docker.getImage(image.Id).remove({ force: true });
  const left = await docker.listImages({ all: true });
  if (left.length > 0) throw new Error(`[bench] ${left.length} images are left after emptying the store`);
}

async function pullWithBerth(core: ReturnType<typeof createCore>, reference: string): Promise<number> {
  const started = performance.now();
  const ended = new Promise<Transfer>((resolve) => {
    const stop = core.hub.subscribe((event, payload) => {
      const transfer = payload as Transfer;
      if (event !== 'transfers:progress' || transfer.reference !== reference || transfer.state === 'running') return;
      stop();
      resolve(transfer);
    });
  });
  const reply = await core.router.handle('images:pull', { reference });
  if (!reply.ok) throw new Error(`[bench] Berth refused the pull: ${reply.error.message}`);
  const transfer = await ended;
  if (transfer.state !== 'done')
    throw new Error(`[bench] Berth's pull ended ${transfer.state}: ${transfer.error?.message}`);
  return performance.now() - started;
}

function pullWithCli(dockerHost: string, reference: string): number {
  const started = performance.now();
  execFileSync('docker', ['-H', dockerHost, 'pull', '--quiet', reference], { stdio: 'ignore' });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const engine = await PrivateEngine.start({ name: 'bench-pull' });
  const registry = await PrivateRegistry.start();
  const core = createCore({
    log: quietLog,
    transport: 'websocket',
    env: {
      DOCKER_HOST: engine.dockerHost,
      DOCKER_CONFIG: `${registry.baseDir}/docker-config`,
      BERTH_CONFIG_DIR: `${registry.baseDir}/berth-config`,
    },
  });
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, 'berth-bench/busybox:latest');
    await buildLayeredImage(docker, 'berth-bench/layered:latest', {
      base: 'berth-bench/busybox:latest',
      layers,
      bytesPerLayer: mibPerLayer * 1024 * 1024,
    });
    const reference = await pushImage(docker, 'berth-bench/layered:latest', registry.address);
    const sizeMib = (await docker.getImage('berth-bench/layered:latest').inspect()).Size / 1024 / 1024;
    await connected(core);

    const berth: number[] = [];
    const cli: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Alternate who goes first, so neither always gets the warmer page cache.
      const order = run % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const who of order) {
        await emptyImageStore(docker);
        if (who === 'berth') berth.push(await pullWithBerth(core, reference));
        else cli.push(pullWithCli(engine.dockerHost, reference));
      }
    }

    const ratio = median(berth) / median(cli);
    console.log(
      `\nPull of ${reference} (${layers} layers of ${mibPerLayer} MiB random data + busybox, ${sizeMib.toFixed(1)} MiB unpacked) from a local registry, ${runs} runs each, alternating:\n`,
    );
    console.log(
      markdownTable(
        ['who', 'median ms', 'runs ms'],
        [
          ['Berth (images:pull → transfer done)', median(berth).toFixed(0), berth.map((v) => v.toFixed(0)).join(', ')],
          ['peer: docker pull (CLI start → exit)', median(cli).toFixed(0), cli.map((v) => v.toFixed(0)).join(', ')],
        ],
      ),
    );
    console.log(`ratio=${ratio.toFixed(3)} berth_ms=${median(berth).toFixed(0)} cli_ms=${median(cli).toFixed(0)}`);
  } finally {
    await core.close();
    await registry.destroy();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
