// `npm run bench:startup`: how long from launching `berth serve` until the containers are visible in
// Chromium, next to a peer in the same run: the docker CLI listing the same containers (`docker ps -a`).
// Runs against a private engine it starts itself (root needed), never the user's engine.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { runIdleContainer } from '../test/harness/containers';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const containerCount = Number(process.env.BENCH_CONTAINERS ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const engine = await PrivateEngine.start({ name: 'bench' });
  const browser = await launchChromium();
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, 'berth-bench/busybox:latest');
    for (let i = 0; i < containerCount; i += 1)
      await runIdleContainer(docker, 'berth-bench/busybox:latest', `bench-${i}`);

    const berth: number[] = [];
    const ready: number[] = [];
    const cli: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const serve = await startServe(engine.dockerHost);
      ready.push(performance.now() - started);
      const page = await browser.newPage();
      await page.goto(serve.url);
      await page.getByRole('navigation').getByRole('link', { name: 'Containers', exact: true }).click();
      // The list is virtualised, so not every row is in the page: wait for the first row and the full count.
      await page.getByRole('row', { name: /\bbench-0\b/ }).waitFor({ timeout: 30_000 });
      await page.getByText(`${containerCount} running · ${containerCount} total`).waitFor({ timeout: 30_000 });
      berth.push(performance.now() - started);
      await page.close();
      await serve.stop();

      const cliStarted = performance.now();
      execFileSync('docker', ['-H', engine.dockerHost, 'ps', '-a'], { stdio: 'ignore' });
      cli.push(performance.now() - cliStarted);
    }

    const berthMedian = median(berth);
    const cliMedian = median(cli);
    console.log(`\nStartup with ${containerCount} containers, median of ${runs} runs (same machine, same run):\n`);
    console.log('| what | median ms | runs ms |');
    console.log('|---|---|---|');
    console.log(
      `| Berth: \`serve\` launch → containers visible in Chromium | ${berthMedian.toFixed(0)} | ${berth.map((v) => v.toFixed(0)).join(', ')} |`,
    );
    console.log(
      `| … of which \`serve\` printing its link (Node start, core, engine connect) | ${median(ready).toFixed(0)} | ${ready.map((v) => v.toFixed(0)).join(', ')} |`,
    );
    console.log(
      `| peer: \`docker ps -a\` (CLI start → list printed) | ${cliMedian.toFixed(0)} | ${cli.map((v) => v.toFixed(0)).join(', ')} |`,
    );
    console.log(`| ratio Berth / docker ps | ${(berthMedian / cliMedian).toFixed(1)}× | |`);
  } finally {
    await browser.close();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
