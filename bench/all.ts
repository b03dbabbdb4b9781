// `npm run bench [-- --quick] [--only stats,ui] [--out FILE] [--timeout-minutes N]`: runs every benchmark
// (all-benches.ts) one after the other, each as its own tsx process with its output shown live and kept in
// bench/results/<name>.log, reads the key=value line it prints last, judges each figure against its peer and
// goal (all-goals.ts, all-judge.ts) and writes one Markdown report (report-md.ts), by default
// bench/results/latest.md, rewritten after every bench so an interrupted run still leaves what it measured.
// A bench that cannot run here is reported with the reason; one that fails or hangs (stopped after the
// timeout) is reported with the end of its stderr, and the others still run. Exits 1 when a bench failed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { argsFor, benches, selectBenches, type BenchDef } from './all-benches';
import { machineFacts } from './all-machine';
import { outcomeOf, type Run } from './all-outcome';
import { machineProbe, unmetNeed } from './all-preflight';
import { withDescendants } from './proc-usage';
import { reportMarkdown, type ReportInput } from './report-md';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
// Enough of a bench's output to find its last lines in, and of its stderr to show why it failed.
const keepStdout = 2 * 2 ** 20;
const keepStderr = 64 * 2 ** 10;
const killGraceMs = 15_000;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: join(root, 'bench', 'results', 'latest.md') },
      'timeout-minutes': { type: 'string' },
    },
  });
  const timeoutMinutes = Number(values['timeout-minutes'] ?? (values.quick ? 40 : 120));
  if (!(timeoutMinutes > 0))
    throw new Error(
      '[bench] usage: npm run bench -- [--quick] [--only stats,ui,…] [--out FILE] [--timeout-minutes N (per bench)]',
    );
  return { quick: values.quick, selected: selectBenches(values.only), out: resolve(values.out), timeoutMinutes };
}

const keepTail = (text: string, max: number) => (text.length > max ? text.slice(-max) : text);

/** Runs one bench, showing its output as it comes and writing it to `logFile`; stops it after `timeoutMs`. */
function runBench(bench: BenchDef, args: string[], logFile: string, timeoutMs: number): Promise<Run> {
  return new Promise((done) => {
    const log = createWriteStream(logFile);
    const run: Run = { exitCode: null, signal: null, stdout: '', stderr: '', timedOut: false };
    const child = spawn(tsx, [bench.script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      log.write(chunk);
      run.stdout = keepTail(run.stdout + chunk.toString(), keepStdout);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      log.write(chunk);
      run.stderr = keepTail(run.stderr + chunk.toString(), keepStderr);
    });
    // The bench's own processes (its engine, browser, serve, QEMU) go with it: each gets SIGTERM, so daemons
    // shut down as they do at the end of a run, then SIGKILL whatever is left after a grace period.
    const stop = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      for (const pid of withDescendants(child.pid).reverse()) {
        try {
          process.kill(pid, signal);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') console.warn(`[bench] kill ${pid}: ${String(error)}`);
        }
      }
    };
    let grace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      run.timedOut = true;
      console.error(`[bench] ${bench.name}: no end after ${timeoutMs / 60_000} min, stopping it`);
      stop('SIGTERM');
      grace = setTimeout(() => stop('SIGKILL'), killGraceMs);
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      log.end(() => done(run));
    };
    child.on('error', (error) => {
      run.error = error;
      finish();
    });
    child.on('close', (code, signal) => {
      run.exitCode = code;
      run.signal = signal;
      finish();
    });
  });
}

async function main(): Promise<number> {
  const opts = options();
  const resultsDir = dirname(opts.out);
  mkdirSync(resultsDir, { recursive: true });
  const argv = process.argv.slice(2);
  const report: ReportInput = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    quick: opts.quick,
    started: new Date(),
    machine: machineFacts(root),
    cores: cpus().length,
    loadBefore: loadavg(),
    outcomes: benches.map((bench) => ({
      bench,
      command: ['tsx', bench.script, ...argsFor(bench, opts.quick)].join(' '),
      status: opts.selected.includes(bench) ? 'not run yet' : 'not selected',
      reason: opts.selected.includes(bench) ? undefined : 'not named by `--only`',
    })),
  };
  const write = () => writeFileSync(opts.out, reportMarkdown(report));
  write();
  let failed = 0;
  for (const [index, base] of report.outcomes.entries()) {
    const { bench } = base;
    if (base.status === 'not selected') continue;
    const unmet = await unmetNeed(bench.needs, machineProbe, join(root, 'dist'));
    if (unmet) {
      console.warn(`[bench] ${bench.name} cannot run here: ${unmet}`);
      report.outcomes[index] = { ...base, status: 'cannot run here', reason: unmet };
      write();
      continue;
    }
    console.info(`\n[bench] ${bench.name}: ${base.command}`);
    const logFile = join(resultsDir, `${bench.name}.log`);
    const loadBefore = loadavg();
    const started = Date.now();
    const run = await runBench(bench, argsFor(bench, opts.quick), logFile, opts.timeoutMinutes * 60_000);
    const measured = { ...base, seconds: (Date.now() - started) / 1000, loadBefore, loadAfter: loadavg() };
    // Relative to the repository when the report is in it (as it links it), else where it is.
    const shownLog = logFile.startsWith(root) ? relative(root, logFile) : logFile;
    const outcome = outcomeOf({ ...measured, logFile: shownLog }, run, opts.timeoutMinutes);
    if (outcome.status !== 'ok') failed += 1;
    console.info(`[bench] ${bench.name}: ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}`);
    report.outcomes[index] = outcome;
    write();
  }
  report.ended = new Date();
  report.loadAfter = loadavg();
  write();
  console.info(`\n[bench] report: ${relative(process.cwd(), opts.out) || opts.out}`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
