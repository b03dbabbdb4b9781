// `exec_rtt_ratio`: a keystroke in Berth's Terminal tab in Chromium (through `berth serve`) until its echo is in
// the terminal's rows, against `docker -H <engine> exec -it <id> sh` driven through a pty (bench/exec-peer.py)
// from writing the key to reading its echo; the median of 100 each, same engine, same run.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runTestContainer } from '../test/harness/containers';
import type { OpsBenchContext, OpsFigure } from './ops-context';
import { median } from './table';

const run = promisify(execFile);
const keystrokes = 100;
const peerScript = fileURLToPath(new URL('./exec-peer.py', import.meta.url));

export async function execRtt({ engine, image, serveUrl, browser }: OpsBenchContext): Promise<OpsFigure[]> {
  const name = 'bench-exec';
  const container = await runTestContainer(engine.docker(), {
    image,
    name,
    cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
  });
  try {
    const peer = await peerTimes(engine.dockerHost, container.id);
    const berth = await berthTimes(serveUrl, browser, name);
    const berthMs = median(berth);
    const peerMs = median(peer);
    return [
      {
        key: 'exec_rtt_ratio',
        what: `keystroke → echo, median of ${keystrokes}`,
        berth: berthMs,
        peer: peerMs,
        unit: 'ms',
        value: berthMs / peerMs,
        goal: '≤ 1.5',
      },
    ];
  } finally {
    await container.remove({ force: true });
  }
}

async function peerTimes(dockerHost: string, id: string): Promise<number[]> {
  const { stdout } = await run('python3', [peerScript, dockerHost, id, String(keystrokes)], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as number[];
}

async function berthTimes(serveUrl: string, browser: OpsBenchContext['browser'], name: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.goto(`${serveUrl.split('#')[0]}#/containers/${name}?tab=terminal`);
    const input = page.getByRole('textbox', { name: 'Terminal input' });
    await page.locator('.terminal-now').filter({ hasText: '/bin/sh' }).waitFor({ timeout: 30_000 });
    await page.locator('.xterm-rows').filter({ hasText: '/ #' }).waitFor({ timeout: 30_000 });
    await input.focus();
    const times: number[] = [];
    for (let index = 0; index < keystrokes; index += 1) {
      await page.evaluate(arm);
      await page.keyboard.press('x');
      times.push(Number(await page.evaluate('window.__berthEcho')));
      if (index % 30 === 29) {
        await page.keyboard.press('Control+U');
        await page.waitForTimeout(100);
      }
    }
    return times;
  } finally {
    await page.close();
  }
}

/** Runs in the page: times from the keydown xterm.js receives to the DOM change that shows one more `x`. A string,
 * because tsx's compiled functions call a `__name` helper the page does not have. */
const arm = `(() => {
  const rows = document.querySelector('.xterm-rows');
  const input = document.querySelector('.xterm-helper-textarea');
  const count = () => (rows.textContent.match(/x/g) || []).length;
  const before = count();
  window.__berthEcho = new Promise((resolve) => {
    let pressedAt = NaN;
    input.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (count() <= before) return;
      observer.disconnect();
      resolve(performance.now() - pressedAt);
    });
    observer.observe(rows, { childList: true, subtree: true, characterData: true });
  });
})()`;
