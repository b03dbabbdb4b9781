// `tsx bench/ui-profile.ts [--seconds 20] [--out FILE] [--churn N]`: where the live Containers page spends the
// browser's CPU. 100 running containers on a private engine (root needed), the page open and settled, then a CDP
// CPU profile of the page for a window, with N containers created and as many removed every second when
// `--churn` says so (the soak's churn: compose up and down, a test suite's containers): prints the page's long
// tasks and the functions with the most self time (build the renderer with
// `--minify false` for readable names). Open FILE (a .cpuprofile) in DevTools to look further. A tool for
// finding the cost, not a benchmark: `npm run bench:ui` measures it.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import { ContainersPage } from '../test/e2e/pages/containers-page';
import { attachPageProbes } from './page-probes';
import { startChurn } from './soak-churn';
import { benchImage, startIdleContainers } from './stats-containers';
import { sleep } from './stats-window';
import { selfTimes, type CpuProfile } from './cpu-profile';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      out: { type: 'string' },
      containers: { type: 'string', default: '100' },
      churn: { type: 'string', default: '0' },
    },
  });
  const seconds = Number(values.seconds);
  const engine = await PrivateEngine.start({ name: 'bench-ui-profile' });
  const browser = await launchChromium();
  try {
    await buildBusyboxImage(engine.docker(), benchImage);
    await startIdleContainers(engine.docker(), Number(values.containers));
    const serve = await startServe(engine.dockerHost);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const probes = await attachPageProbes(page);
      // Counts the page's requests by channel: under churn, how often it refetches is most of its cost.
      await page.addInitScript(`
        window.benchRequests = {};
        const send = WebSocket.prototype.send;
        WebSocket.prototype.send = function (data) {
          const channel = typeof data === 'string' ? JSON.parse(data).channel : undefined;
          if (channel) window.benchRequests[channel] = (window.benchRequests[channel] ?? 0) + 1;
          return send.call(this, data);
        };
      `);
      await page.goto(serve.url);
      const containers = new ContainersPage(page);
      await containers.open();
      await containers.row('bench-stats-0').waitFor({ timeout: 30_000 });
      const churnPerSecond = Number(values.churn);
      const churn = churnPerSecond > 0 ? startChurn(engine.docker(), churnPerSecond, 6) : null;
      await sleep(10_000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      const from = await probes.now();
      const requestsBefore = (await page.evaluate('({ ...window.benchRequests })')) as Record<string, number>;
      await sleep(seconds * 1000);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const long = await probes.longTasksSince(from);
      await churn?.stop();
      if (churn)
        console.log(
          `\nchurn: ${churn.created} created, ${churn.removed} removed, ${churn.skippedRounds} rounds skipped`,
        );
      console.log(`long tasks: ${long.count}, ${long.totalMs.toFixed(0)} ms in all`);
      const requests = (await page.evaluate('window.benchRequests')) as Record<string, number>;
      const asked = Object.entries(requests)
        .map(([channel, count]) => [channel, count - (requestsBefore[channel] ?? 0)] as const)
        .filter(([, count]) => count > 0);
      console.log(`requests in the window: ${asked.map(([channel, count]) => `${channel} ${count}`).join(', ')}`);
      if (values.out) writeFileSync(values.out, JSON.stringify(profile));
      const top = selfTimes(profile);
      const total = top.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`\nself time over ${seconds} s (total sampled ${total.toFixed(0)} ms):`);
      for (const [name, ms] of top.filter(([name]) => !name.startsWith('(idle)')).slice(0, 30))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    } finally {
      await serve.stop();
    }
  } finally {
    await browser.close();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[ui-profile] failed:', error);
  process.exit(1);
});
