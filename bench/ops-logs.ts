// The logs parts of `npm run bench:ops`. logs_ratio: opening the Logs tab of a container that wrote 100k
// lines until its last line is visible in Chromium, against `docker logs` printing all of it to a pipe (medians
// of 5, alternating). logs_follow_long_tasks: a container writing about 10k lines a second followed for 30 s,
// counting the page's long tasks (> 50 ms, PerformanceObserver 'longtask').
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { OpsBenchContext, OpsFigure, OpsPart } from './ops-context';
import { median } from './table';

const totalLines = 100_000;
const rounds = 5;
const followSeconds = 30;

/** Seconds `docker -H <engine> logs <id>` takes to print everything into a pipe that is read. */
function dockerLogs(host: string, id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('docker', ['-H', host, 'logs', id], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    child.stdout.on('data', (data: Buffer) => (bytes += data.length));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || bytes === 0) reject(new Error(`[bench:ops] docker logs exited with ${code} (${bytes} bytes)`));
      else resolve((performance.now() - started) / 1000);
    });
  });
}

/** Seconds from opening the Logs tab (an address change, as a link does) until `last` is on screen. */
async function berthLogs(page: Page, id: string, last: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/containers'));
  await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
  return page.evaluate(
    ({ hash, text }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        window.location.hash = hash;
        const deadline = started + 120_000;
        const check = () => {
          const view = document.querySelector('.log-view');
          const rows = view ? Array.from(view.querySelectorAll('.log-row')) : [];
          const seen = rows.some((row) => {
            if (row.textContent?.includes(text) !== true) return false;
            const box = row.getBoundingClientRect();
            const frame = (view as Element).getBoundingClientRect();
            return box.bottom <= frame.bottom + 1 && box.top >= frame.top - 1;
          });
          if (seen) resolve((performance.now() - started) / 1000);
          else if (performance.now() > deadline) reject(new Error(`${text} not visible within 120 s`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { hash: `#/containers/${id}?tab=logs`, text: last },
  );
}

async function logsRatio(context: OpsBenchContext, page: Page): Promise<OpsFigure> {
  const docker = context.engine.docker();
  const container = await docker.createContainer({
    Image: context.image,
    Cmd: ['sh', '-c', `seq 1 ${totalLines} | sed 's/^/line /; s/$/ of the logs bench, padded to a usual length/'`],
  });
  await container.start();
  await container.wait();
  const last = `line ${totalLines} of the logs bench`;
  const berth: number[] = [];
  const cli: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    cli.push(await dockerLogs(context.engine.dockerHost, container.id));
    berth.push(await berthLogs(page, container.id, last));
  }
  await container.remove({ force: true });
  console.log(
    `[bench:ops] logs open: Berth ${berth.map((s) => s.toFixed(3)).join(' ')} s; docker logs ${cli.map((s) => s.toFixed(3)).join(' ')} s`,
  );
  const b = median(berth);
  const p = median(cli);
  return {
    key: 'logs_ratio',
    what: `open logs of ${totalLines / 1000}k lines → last line visible (median of ${rounds})`,
    berth: b * 1000,
    peer: p * 1000,
    unit: 'ms',
    value: b / p,
    goal: '≤ 1.0',
  };
}

async function followLongTasks(context: OpsBenchContext, page: Page): Promise<OpsFigure[]> {
  const docker = context.engine.docker();
  // 1000 lines every 100 ms: about 10k a second (a little less, the printing takes time too).
  const container = await docker.createContainer({
    Image: context.image,
    Cmd: [
      'sh',
      '-c',
      "i=1; while :; do seq $i $((i+999)) | sed 's/^/tick /; s/$/ a line of a busy service/'; i=$((i+1000)); sleep 0.1; done",
    ],
  });
  await container.start();
  await page.evaluate(() => (window.location.hash = '#/containers'));
  await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { at: number; ms: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ at: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask' });
  });
  const opened = await page.evaluate((hash) => {
    window.location.hash = hash;
    return performance.now();
  }, `#/containers/${container.id}?tab=logs`);
  await page.locator('.log-row').first().waitFor({ timeout: 60_000 });
  const firstSeq = await lastTick(page);
  const started = Date.now();
  await page.waitForTimeout(followSeconds * 1000);
  const lastSeq = await lastTick(page);
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: { at: number; ms: number }[] }).__longTasks,
  );
  await container.remove({ force: true });
  const rate = (lastSeq - firstSeq) / seconds;
  console.log(
    `[bench:ops] follow: ${rate.toFixed(0)} lines/s shown, long tasks (ms, at s after opening) ${JSON.stringify(longTasks.map((t) => [Math.round(t.ms), ((t.at - opened) / 1000).toFixed(1)]))}`,
  );
  return [
    {
      key: 'logs_follow_lines_per_s',
      what: `lines a second reaching the view while following (${followSeconds} s)`,
      berth: rate,
      peer: null,
      unit: 'lines/s',
      value: rate,
      goal: '≈ 10k (what the container writes)',
    },
    {
      key: 'logs_follow_long_tasks',
      what: `long tasks > 50 ms while following ~10k lines/s for ${followSeconds} s`,
      berth: longTasks.length,
      peer: null,
      unit: 'tasks',
      value: longTasks.length,
      goal: '0',
    },
  ];
}

/** The number of the last "tick N" line shown (the view follows the end). */
async function lastTick(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('.log-view .log-row'));
    let max = 0;
    for (const row of rows) {
      const match = /tick (\d+)/.exec(row.textContent ?? '');
      if (match) max = Math.max(max, Number(match[1]));
    }
    return max;
  });
}

export const logsPart: OpsPart = async (context) => {
  const page = await context.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    // tsx keeps function names through an `__name` helper the page does not have: functions handed to
    // page.evaluate need it there.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(context.serveUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return [await logsRatio(context, page), ...(await followLongTasks(context, page))];
  } finally {
    await page.close();
  }
};
