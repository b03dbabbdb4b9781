// `npm run bench:ui -- [--quick] [--chart-minutes 10] [--chart-range "7 days"] [--live-seconds 60] [--containers 100]`: what Berth's UI
// costs in Chromium with 100 running containers on a private engine (root needed; never the user's engine):
// (1) the Containers page live: the browser's CPU next to Berth's core and the engine in the same window;
// (2) a container's page with its charts open for minutes: long tasks and JS heap growth;
// (3) startup: `serve` launch → containers visible, against `docker ps -a`.
// Prints a Markdown table, then one line of key=value figures (the four judged ones first, then the same run's
// context: Berth's core and the engine beside the browser, and `docker ps -a` beside startup).
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchChromiumServer } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { removeTestContainers } from '../test/harness/containers';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import { benchImage, startIdleContainers } from './stats-containers';
import { measureStartup } from './startup-measure';
import { fmt, markdownTable, median } from './table';
import { measureChartsPage, type ChartRange } from './ui-charts';
import { measureLiveContainersPage } from './ui-live-cpu';

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'chart-minutes': { type: 'string' },
      'chart-range': { type: 'string', default: '7 days' },
      'live-seconds': { type: 'string', default: '60' },
      containers: { type: 'string', default: '100' },
      runs: { type: 'string', default: '5' },
    },
  });
  const chartMinutes = Number(values['chart-minutes'] ?? (values.quick ? 2 : 10));
  const liveSeconds = Number(values['live-seconds']);
  const containers = Number(values.containers);
  const runs = Number(values.runs);
  const chartRange = values['chart-range'] as ChartRange;
  if (!['15 min', '1 h', '6 h', '1 day', '7 days'].includes(chartRange))
    throw new Error(`[bench:ui] --chart-range is one of 15 min, 1 h, 6 h, 1 day, 7 days; not "${chartRange}"`);
  if (!(chartMinutes >= 2) || !(liveSeconds > 0) || !Number.isInteger(containers) || containers < 1 || !(runs >= 1))
    throw new Error(
      '[bench:ui] usage: bench:ui -- [--quick (charts 2 min)] [--chart-minutes N >= 2] [--live-seconds 60] [--containers 100] [--runs 5]',
    );
  return { chartMinutes, chartRange, liveSeconds, containers, runs };
}

async function main(): Promise<void> {
  const opts = options();
  const engine = await PrivateEngine.start({ name: 'bench-ui' });
  const server = await launchChromiumServer();
  const browser = await chromium.connect(server.wsEndpoint());
  const browserPid = server.process().pid!;
  const firstRow = 'bench-stats-0';
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, benchImage);
    console.log(`[bench:ui] starting ${opts.containers} idle containers`);
    await startIdleContainers(docker, opts.containers);

    const serve = await startServe(engine.dockerHost);
    let live;
    let charts;
    try {
      console.log(`[bench:ui] Containers page live for ${opts.liveSeconds} s`);
      live = await measureLiveContainersPage(
        { engine, browser, browserPid, servePid: serve.pid, serveUrl: serve.url },
        { seconds: opts.liveSeconds, firstRow },
      );
      // Each part's figures as it ends, so a later part's failure does not lose them.
      console.log(`[bench:ui] live: ${JSON.stringify(live)}`);
      console.log(`[bench:ui] a container's charts (${opts.chartRange}) open for ${opts.chartMinutes} min`);
      charts = await measureChartsPage(browser, serve.url, {
        container: firstRow,
        minutes: opts.chartMinutes,
        range: opts.chartRange,
      });
      console.log(`[bench:ui] charts: ${JSON.stringify(charts)}`);
    } finally {
      await serve.stop();
    }
    console.log(`[bench:ui] startup, ${opts.runs} runs`);
    const startup = await measureStartup(engine, browser, {
      runs: opts.runs,
      firstRow,
      running: opts.containers,
      total: opts.containers,
    });
    const startupMs = median(startup.berth);
    const heapMiB = (bytes: number) => fmt(bytes / 2 ** 20, 1);

    console.log(
      `\n${opts.containers} running containers; ${opts.liveSeconds} s live window; charts (${opts.chartRange} range) open ${opts.chartMinutes} min; startup median of ${opts.runs}\n`,
    );
    console.log(
      markdownTable(
        ['what', 'Berth', 'peer (same run)', 'goal'],
        [
          [
            'Containers page live: browser CPU, % of one core (all its processes)',
            fmt(live.browserPct, 2),
            `Berth core ${fmt(live.corePct, 2)} %, engine ${fmt(live.enginePct, 2)} %`,
            '≤ 3 %',
          ],
          [
            `charts open: long tasks > 50 ms (minute 1 → ${opts.chartMinutes})`,
            `${charts.longTasks} (${fmt(charts.longTaskMs, 0)} ms)`,
            '—',
            '0',
          ],
          [
            `charts open: JS heap after GC, minute ${opts.chartMinutes} vs minute 1`,
            `${fmt(charts.heapGrowthPct, 1)} %`,
            `${heapMiB(charts.heapAt1MinBytes)} → ${heapMiB(charts.heapAtEndBytes)} MiB`,
            '< 5 %',
          ],
          [
            '`serve` launch → containers visible, ms (median)',
            `${fmt(startupMs, 0)} (${startup.berth.map((v) => v.toFixed(0)).join(', ')})`,
            `\`docker ps -a\` ${fmt(median(startup.cli), 0)}; serve's link printed ${fmt(median(startup.ready), 0)}`,
            '≤ 800',
          ],
        ],
      ),
    );
    console.log(
      `\nbrowser_pct=${fmt(live.browserPct, 2)} long_tasks=${charts.longTasks} heap_growth_pct=${fmt(charts.heapGrowthPct, 1)} startup_ms=${fmt(startupMs, 0)}` +
        ` core_pct=${fmt(live.corePct, 2)} engine_pct=${fmt(live.enginePct, 2)} docker_ps_ms=${fmt(median(startup.cli), 0)}`,
    );
  } finally {
    await browser.close();
    await server.close();
    const removed = await removeTestContainers(engine.docker()).catch(() => 0);
    if (removed > 0) console.log(`[bench:ui] removed ${removed} containers`);
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[bench:ui] failed:', error);
  process.exit(1);
});
