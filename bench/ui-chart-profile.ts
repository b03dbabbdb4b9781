// `tsx bench/ui-chart-profile.ts [--range "15 min"] [--containers 20] [--warm 60] [--seconds 60] [--renderer DIR]`:
// where a container's Stats tab spends the browser's time and what its heap keeps. Running containers on a
// private engine (root needed), one container's charts open at `--range`, settled for `--warm` seconds; then a
// CDP CPU profile over `--seconds` (self time per function, long tasks in the window) and two heap snapshots,
// at its start and its end, compared by constructor (what grew). `--renderer` serves another build, e.g. one
// made with `--minify false` for readable names. A tool for finding the cost: `npm run bench:ui` measures it.
import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { ContainerDetailPage } from '../test/e2e/pages/container-detail-page';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import { attachPageProbes } from './page-probes';
import { benchImage, startIdleContainers } from './stats-containers';
import { sleep } from './stats-window';
import { inclusiveTimes, selfTimes, type CpuProfile } from './cpu-profile';

type RangeLabel = '1 min' | '5 min' | '15 min' | '1 h' | '6 h' | '1 day' | '7 days';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Count and self size per `type:name` (the constructor for objects), from a .heapsnapshot file. */
async function heapByConstructor(file: string): Promise<Map<string, { count: number; size: number }>> {
  const heap = JSON.parse(await readFile(file, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const totals = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]];
    // Strings and numbers are named by their value: group them by type alone.
    const name =
      type === 'object' || type === 'closure' || type === 'native' ? heap.strings[heap.nodes[i + nameAt]] : '';
    const key = `${type}:${name.slice(0, 60)}`;
    const entry = totals.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += heap.nodes[i + sizeAt];
    totals.set(key, entry);
  }
  return totals;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      range: { type: 'string', default: '15 min' },
      containers: { type: 'string', default: '20' },
      warm: { type: 'string', default: '60' },
      seconds: { type: 'string', default: '60' },
      renderer: { type: 'string' },
      out: { type: 'string', default: '/tmp' },
    },
  });
  const range = values.range as RangeLabel;
  const engine = await PrivateEngine.start({ name: 'bench-ui-chart-profile' });
  const browser = await launchChromium();
  try {
    await buildBusyboxImage(engine.docker(), benchImage);
    await startIdleContainers(engine.docker(), Number(values.containers));
    const serve = await startServe(engine.dockerHost, values.renderer ? ['--renderer', values.renderer] : []);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const probes = await attachPageProbes(page);
      await page.goto(serve.url);
      const detail = new ContainerDetailPage(page);
      await detail.open('bench-stats-0');
      await detail.tab('Stats').click();
      await detail.timeRange(range).click();
      await detail.chart('CPU usage of bench-stats-0, with its limit').waitFor({ timeout: 30_000 });
      await sleep(Number(values.warm) * 1000);
      const before = `${values.out}/chart-before.heapsnapshot`;
      const after = `${values.out}/chart-after.heapsnapshot`;
      await probes.jsHeapUsed();
      await probes.writeHeapSnapshot(before);
      const heapBefore = await probes.jsHeapUsed();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      const since = await probes.now();
      await sleep(Number(values.seconds) * 1000);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const long = await probes.longTasksSince(since);
      const heapAfter = await probes.jsHeapUsed();
      await probes.writeHeapSnapshot(after);

      const top = selfTimes(profile);
      const total = top.reduce((sum, [, ms]) => sum + ms, 0);
      const busy = top.filter(([name]) => !/^\((idle|program|garbage collector)\)/.test(name));
      console.log(`\n${range}: long tasks ${long.count} (${long.totalMs.toFixed(0)} ms) over ${values.seconds} s`);
      console.log(`heap after GC ${(heapBefore / 2 ** 20).toFixed(2)} → ${(heapAfter / 2 ** 20).toFixed(2)} MiB`);
      console.log(`self time (total sampled ${total.toFixed(0)} ms):`);
      for (const [name, ms] of top.filter(([name]) => !name.startsWith('(idle)')).slice(0, 25))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
      console.log(`busy ${busy.reduce((sum, [, ms]) => sum + ms, 0).toFixed(0)} ms`);
      // Components (capitalised names) by inclusive time: which part of the page a redraw spends it in.
      console.log('\ncomponents, inclusive time:');
      for (const [name, ms] of inclusiveTimes(profile)
        .filter(([name]) => /^[A-Z][A-Za-z]+ /.test(name))
        .slice(0, 30))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
      await writeFile(`${values.out}/chart.cpuprofile`, JSON.stringify(profile));

      const [a, b] = await Promise.all([heapByConstructor(before), heapByConstructor(after)]);
      const grew = [...b]
        .map(([key, entry]) => {
          const old = a.get(key) ?? { count: 0, size: 0 };
          return { key, count: entry.count - old.count, size: entry.size - old.size };
        })
        .filter((entry) => entry.size !== 0 || entry.count !== 0)
        .sort((x, y) => y.size - x.size);
      console.log('\nheap growth by constructor (count, bytes):');
      for (const entry of grew.slice(0, 25))
        console.log(`${String(entry.count).padStart(8)} ${String(entry.size).padStart(10)}  ${entry.key}`);
    } finally {
      await serve.stop();
    }
  } finally {
    await browser.close();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[ui-chart-profile] failed:', error);
  process.exit(1);
});
