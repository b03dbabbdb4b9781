// `npm run bench:startup`: how long from launching `berth serve` until the containers are visible in
// Chromium, next to a peer in the same run: the docker CLI listing the same containers (`docker ps -a`).
// Runs against a private engine it starts itself (root needed), never the user's engine. Last line:
// `startup_ms=<Berth median> docker_ps_ms=<peer median> ready_ms=<serve's link printed> ratio=<Berth/peer>`.
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { runIdleContainer } from '../test/harness/containers';
import { PrivateEngine } from '../test/harness/private-engine';
import { measureStartup } from './startup-measure';
import { fmt, median } from './table';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const containerCount = Number(process.env.BENCH_CONTAINERS ?? 20);

async function main(): Promise<void> {
  const engine = await PrivateEngine.start({ name: 'bench' });
  const browser = await launchChromium();
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, 'berth-bench/busybox:latest');
    for (let i = 0; i < containerCount; i += 1)
      await runIdleContainer(docker, 'berth-bench/busybox:latest', `bench-${i}`);

    const { berth, ready, cli } = await measureStartup(engine, browser, {
      runs,
      firstRow: 'bench-0',
      running: containerCount,
      total: containerCount,
    });
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
    console.log(
      `\nstartup_ms=${fmt(berthMedian, 0)} docker_ps_ms=${fmt(cliMedian, 0)} ready_ms=${fmt(median(ready), 0)} ratio=${fmt(berthMedian / cliMedian, 2)}`,
    );
  } finally {
    await browser.close();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
