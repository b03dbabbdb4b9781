// `tsx bench/startup-phases.ts [--containers 100] [--runs 3]`: where `serve` launch → containers visible goes,
// phase by phase (root needed; a private engine): the link printed, the page's HTML and main script loaded,
// the script run (DOMContentLoaded), the WebSocket open, each channel's first request and reply (by the
// frames on the socket), and the first container row shown, all in ms from launch. A tool for finding the
// longest phase: `npm run bench:ui` and `npm run bench:startup` measure the whole.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import { benchImage, startIdleContainers } from './stats-containers';

/** Records every WebSocket frame's channel or event name and when it passed, in the page's clock. */
const frameRecorder = `
  window.benchFrames = [];
  const channels = new Map();
  // Requests carry {id, channel}; replies {id, ...}; events {type: 'event', event}.
  const frameName = (text) => {
    if (typeof text !== 'string') return '?';
    const frame = JSON.parse(text);
    if (frame.channel && frame.id !== undefined) channels.set(frame.id, frame.channel);
    if (frame.channel || frame.event) return frame.channel ?? frame.event;
    if (frame.id === undefined) return '?';
    // A failed reply says its code: a first request answered with an error costs the page a refetch.
    const failed = frame.reply && frame.reply.ok === false ? ' (' + frame.reply.error.code + ')' : '';
    return 'reply ' + channels.get(frame.id) + failed;
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    window.benchFrames.push([performance.now(), 'out', frameName(data)]);
    return send.call(this, data);
  };
  const listen = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type === 'message')
      listen.call(this, 'message', (event) => window.benchFrames.push([performance.now(), 'in', frameName(event.data)]));
    if (type === 'open') listen.call(this, 'open', () => window.benchFrames.push([performance.now(), 'in', '(open)']));
    return listen.call(this, type, listener, options);
  };
`;

/** The navigation's timing, the scripts' loads and the recorded frames. */
const timingReader = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('.js'))
    .map((entry) => [entry.name.split('/').pop(), Math.round(entry.startTime), Math.round(entry.responseEnd)]);
  return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, scripts, frames: window.benchFrames ?? [] };
})()`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { containers: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' } },
  });
  const engine = await PrivateEngine.start({ name: 'bench-startup-phases' });
  const browser = await launchChromium();
  try {
    await buildBusyboxImage(engine.docker(), benchImage);
    await startIdleContainers(engine.docker(), Number(values.containers));
    for (let run = 0; run < Number(values.runs); run += 1) {
      // The tab is open before launch, as in startup-measure.ts.
      const page = await browser.newPage();
      // Every frame's channel or event name and when it passed, in the page's clock.
      // A string, not a function: tsx would wrap named functions in a helper the page does not have.
      await page.addInitScript(frameRecorder);
      const launched = performance.now();
      const serve = await startServe(engine.dockerHost);
      const linked = performance.now() - launched;
      try {
        const beforeGoto = performance.now();
        await page.goto(serve.url);
        await page.getByRole('navigation').getByRole('link', { name: 'Containers', exact: true }).click();
        await page.getByRole('row', { name: /\bbench-stats-0\b/ }).waitFor({ timeout: 30_000 });
        const shown = performance.now() - launched;
        const timing = (await page.evaluate(timingReader)) as {
          responseEnd: number;
          domContentLoaded: number;
          scripts: Array<[string, number, number]>;
          frames: Array<[number, string, string]>;
        };
        // The page's clock starts at its navigation: near the goto's start in ours.
        const offset = beforeGoto - launched;
        const at = (pageMs: number) => Math.round(offset + pageMs);
        console.log(`\nrun ${run + 1}: link printed ${linked.toFixed(0)} ms; goto at ${offset.toFixed(0)} ms`);
        console.log(`  HTML received ${at(timing.responseEnd)}; DOMContentLoaded ${at(timing.domContentLoaded)}`);
        for (const [file, start, end] of timing.scripts)
          console.log(`  script ${file} ${at(start as number)} → ${at(end as number)}`);
        const firsts = new Map<string, number>();
        for (const [t, direction, channel] of timing.frames) {
          const key = `${direction} ${channel}`;
          if (!firsts.has(key)) firsts.set(key, t);
        }
        for (const [key, t] of [...firsts].sort((a, b) => a[1] - b[1]).slice(0, 30)) console.log(`  ${at(t)}  ${key}`);
        console.log(`  first row shown ${shown.toFixed(0)}`);
      } finally {
        await page.close();
        await serve.stop();
      }
    }
  } finally {
    await browser.close();
    await engine.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[startup-phases] failed:', error);
  process.exit(1);
});
