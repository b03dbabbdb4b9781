// `npm run bench:stats -- --containers 10,50,100 --seconds 30`: what live per-container stats cost and how
// fresh they are, Berth (cgroup and API collectors) against the docker CLI's `docker stats`, and what Berth's
// core costs recording every container always-on with nobody watching, in the same run on the same private
// engine (root needed; never the user's engine). Per container count it prints a markdown table, and last one
// summary line per count for the cgroup collector. `--quick` (for `npm run bench -- --quick`): 100 containers
// only (where the goals are set), 3 latency trials; explicit options still win. Every window starts `--settle`
// seconds (30) after its reader has a value for every container: steady cost, not start-up.
//
// Windows are 30 s, and 120 s at 100 containers, where the ratio's goal is set: there the engine alone idles at
// about 3 % of a core, and in 20 s windows it read anywhere from 1.8 to 4.4 %, more than the whole 1 % that the
// goal leaves Berth. Its noise went into the ratio as "extra engine CPU" (15 s windows read 0.035 where 120 s
// read 0.023). In 120 s windows the two idle ones read 2.96 and 2.85 %.
import { parseArgs } from 'node:util';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { PrivateEngine } from '../test/harness/private-engine';
import { dockerCliPath } from './docker-stats-reader';
import { clockTicks } from './proc-usage';
import { benchImage } from './stats-containers';
import { countTable, summaryLine } from './stats-report';
import { readerKinds, runCount, type CountResult } from './stats-run';

/** The container count the goals are set at. */
const GOAL_COUNT = 100;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      containers: { type: 'string' },
      seconds: { type: 'string' },
      trials: { type: 'string' },
      settle: { type: 'string', default: '30' },
    },
  });
  const counts = (values.containers ?? (values.quick ? '100' : '10,50,100')).split(',').map(Number);
  const seconds = (count: number) => Number(values.seconds ?? (count >= GOAL_COUNT ? 120 : 30));
  const trials = Number(values.trials ?? (values.quick ? 3 : 5));
  const settleSeconds = Number(values.settle);
  const valid = counts.every((n) => Number.isInteger(n) && n >= 1 && seconds(n) > 0);
  if (!valid || !(trials >= 1) || !(settleSeconds >= 0)) {
    throw new Error(
      '[bench] usage: bench:stats -- [--quick] [--containers 10,50,100] [--seconds 30] [--trials 5] [--settle 30]',
    );
  }
  return { counts, seconds, trials, settleSeconds };
}

async function main(): Promise<number> {
  const opts = options();
  console.info(`[bench] docker CLI ${dockerCliPath()}, CLK_TCK ${clockTicks}`);
  const results: CountResult[] = [];
  const engine = await PrivateEngine.start({ name: 'bench-stats' });
  try {
    await buildBusyboxImage(engine.docker(), benchImage);
    for (const count of opts.counts) {
      console.info(`[bench] ${count} containers, windows of ${opts.seconds(count)} s`);
      results.push(await runCount(engine, count, { ...opts, seconds: opts.seconds(count) }));
    }
  } finally {
    await engine.destroy();
  }

  // Printed after the engine is gone, so the summary lines are the last lines of the output.
  for (const result of results) {
    console.log(
      `\n### ${result.containers} idle containers (0.5 CPU, 64 MiB, 64 pids each); ${opts.seconds(result.containers)} s windows; latency: median of ${opts.trials} trials\n`,
    );
    console.log(countTable(result));
  }
  console.log('');
  for (const result of results) console.log(summaryLine(result));
  const failed = (result: CountResult) =>
    result.alwaysOn.errors.length > 0 || readerKinds.some((kind) => result.readers[kind].errors.length > 0);
  return results.some(failed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
