// `exec_rtt_ratio`: a keystroke in Berth's Terminal tab in Chromium (through `berth serve`) until its echo is in
// the terminal's rows, against `docker -H <engine> exec -it <id> sh` driven through a pty (bench/exec-peer.py)
// from writing the key to reading its echo; the median of 100 each, same engine, same run.
// The peer never draws anything, so the run also says where Berth's time goes (bench/ops-exec-page.ts): when
// the echo reaches the page, and when it is painted next to xterm.js alone echoing locally in the same browser
// (the floor of any terminal drawn there). Each is measured in Chromium as it comes, as a user's browser runs
// `berth serve`, and with the switches the Electron shell sets (main/electron/chromium-switches.ts).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromiumSwitchArgs } from '../main/electron/chromium-switches';
import { launchChromium } from '../test/harness/browser';
import { runTestContainer } from '../test/harness/containers';
import { armKeystroke, floorPage, timingInit } from './ops-exec-page';
import type { OpsBenchContext, OpsFigure } from './ops-context';
import { median } from './table';

const run = promisify(execFile);
const keystrokes = 100;
const peerScript = fileURLToPath(new URL('./exec-peer.py', import.meta.url));
const containerName = 'bench-exec';

interface KeystrokeTimes {
  page: number;
  rows: number;
  painted: number;
}

export async function execRtt({ engine, image, serveUrl, browser }: OpsBenchContext): Promise<OpsFigure[]> {
  const container = await runTestContainer(engine.docker(), {
    image,
    name: containerName,
    cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
  });
  try {
    const peer = median(await peerTimes(engine.dockerHost, container.id));
    const asShipped = await browserFigures(browser, serveUrl, peer, {
      key: 'exec_rtt',
      where: 'Chromium',
    });
    // Its --disable-features replaces Playwright's own list (navigation, sign-in and update features), none of which
    // bears on a keystroke.
    const shell = await launchChromium({ args: chromiumSwitchArgs });
    try {
      const asShell = await browserFigures(shell, serveUrl, peer, {
        key: 'exec_rtt_shell',
        where: 'Chromium with the shell’s switches',
      });
      console.log(
        '[bench:ops] exec: peer of "in the rows" and "reaches the page": the docker CLI reading the echo from its pty ' +
          '(it draws nothing); peer of "painted": xterm.js alone in the same browser echoing each key itself.',
      );
      return [...asShipped, ...asShell];
    } finally {
      await shell.close();
    }
  } finally {
    await container.remove({ force: true });
  }
}

async function browserFigures(
  browser: Browser,
  serveUrl: string,
  peer: number,
  { key, where }: { key: string; where: string },
): Promise<OpsFigure[]> {
  const berth = await berthTimes(browser, serveUrl);
  const floor = await floorTimes(browser);
  const rows = median(berth.map((each) => each.rows));
  const page = median(berth.map((each) => each.page));
  const painted = median(berth.map((each) => each.painted));
  const floorPainted = median(floor.map((each) => each.painted));
  const figure = (name: string, what: string, value: number, against: number, goal = '—'): OpsFigure => ({
    key: name,
    what: `keystroke → ${what}, ${where}, median of ${keystrokes}`,
    berth: value,
    peer: against,
    unit: 'ms',
    value: value / against,
    goal,
  });
  // The historical key keeps its meaning: echo in the rows, in Chromium as it comes.
  const ratioKey = key === 'exec_rtt' ? 'exec_rtt_ratio' : `${key}_ratio`;
  return [
    figure(ratioKey, 'echo in the rows', rows, peer, '≤ 1.5'),
    figure(`${key}_page_ratio`, 'echo reaches the page', page, peer),
    figure(`${key}_painted_over_floor`, 'echo painted', painted, floorPainted),
  ];
}

async function peerTimes(dockerHost: string, id: string): Promise<number[]> {
  const { stdout } = await run('python3', [peerScript, dockerHost, id, String(keystrokes)], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as number[];
}

async function berthTimes(browser: Browser, serveUrl: string): Promise<KeystrokeTimes[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.addInitScript(timingInit);
    await page.goto(`${serveUrl.split('#')[0]}#/containers/${containerName}?tab=terminal`);
    await page.locator('.terminal-now').filter({ hasText: '/bin/sh' }).waitFor({ timeout: 30_000 });
    await page.locator('.xterm-rows').filter({ hasText: '/ #' }).waitFor({ timeout: 30_000 });
    await page.getByRole('textbox', { name: 'Terminal input' }).focus();
    return await typeAndTime(page);
  } finally {
    await page.close();
  }
}

async function floorTimes(browser: Browser): Promise<KeystrokeTimes[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    const xtermDir = createRequire(import.meta.url)
      .resolve('@xterm/xterm/package.json')
      .replace(/package\.json$/, '');
    await page.addInitScript(timingInit);
    await page.goto('about:blank');
    await page.evaluate(timingInit);
    await page.setContent(
      floorPage(readFileSync(`${xtermDir}lib/xterm.js`, 'utf8'), readFileSync(`${xtermDir}css/xterm.css`, 'utf8')),
    );
    await page.locator('.xterm-rows').filter({ hasText: '/ #' }).waitFor({ timeout: 10_000 });
    const frames = (await page.evaluate(frameTimes)) as number[];
    const frameMs = median(frames.slice(1).map((time, index) => time - frames[index]!));
    console.log(`[bench:ops] exec: one frame of this Chromium lasts ${frameMs.toFixed(1)} ms (median of 60)`);
    return await typeAndTime(page);
  } finally {
    await page.close();
  }
}

/** The start times of 61 animation frames in a row. */
const frameTimes = `new Promise((resolve) => {
  const times = [];
  const step = (time) => (times.push(time) < 61 ? requestAnimationFrame(step) : resolve(times));
  requestAnimationFrame(step);
})`;

/** Types `x` 100 times, one at a time, each timed by the page (Ctrl-U clears the line before it wraps). */
async function typeAndTime(page: Page): Promise<KeystrokeTimes[]> {
  const times: KeystrokeTimes[] = [];
  for (let index = 0; index < keystrokes; index += 1) {
    await page.evaluate(armKeystroke);
    await page.keyboard.press('x');
    times.push((await page.evaluate('window.__execEcho')) as KeystrokeTimes);
    if (index % 30 === 29) {
      await page.keyboard.press('Control+U');
      await page.waitForTimeout(100);
    }
  }
  return times;
}
