// `npm run bench:ops`: everyday operations (logs, terminal) in Chromium through `berth serve`, each next to the
// docker CLI doing the same in the same run, against a private engine (root needed). Prints a table, then
// one line of key=value figures (each figure, then `<key>_berth` and `<key>_peer` where it has a peer).
import { launchChromium } from '../test/harness/browser';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { PrivateEngine } from '../test/harness/private-engine';
import { startServe } from '../test/harness/serve-process';
import type { OpsFigure, OpsPart } from './ops-context';
import { execRtt } from './ops-exec';
import { logsPart } from './ops-logs';
import { fmt, markdownTable } from './table';

/** The parts, in the order they run. */
const parts: { name: string; run: OpsPart }[] = [
  { name: 'logs', run: logsPart },
  { name: 'exec_rtt_ratio', run: execRtt },
];

/** `tsx bench/ops.ts [part…]` runs only the named parts (`logs`, `exec`); none runs them all. */
function chosenParts(names: string[]): typeof parts {
  if (names.length === 0) return parts;
  const chosen = parts.filter((part) => names.some((name) => part.name.startsWith(name)));
  if (chosen.length === 0)
    throw new Error(`[bench:ops] no part named ${names.join(', ')}: ${parts.map((p) => p.name).join(', ')}`);
  return chosen;
}

async function main(): Promise<void> {
  const selected = chosenParts(process.argv.slice(2));
  const engine = await PrivateEngine.start({ name: 'bench-ops' });
  const browser = await launchChromium();
  const figures: OpsFigure[] = [];
  try {
    const image = 'berth-bench/busybox:latest';
    await buildBusyboxImage(engine.docker(), image);
    const serve = await startServe(engine.dockerHost);
    try {
      for (const part of selected) {
        console.log(`[bench:ops] ${part.name}…`);
        figures.push(...(await part.run({ engine, image, serveUrl: serve.url, browser })));
      }
    } finally {
      await serve.stop();
    }
  } finally {
    await browser.close();
    await engine.destroy();
  }
  console.log(
    `\n${markdownTable(
      ['what', 'Berth', 'peer', 'unit', 'figure', 'goal'],
      figures.map((f) => [
        f.what,
        fmt(f.berth, 1),
        fmt(f.peer ?? undefined, 1),
        f.unit,
        `${f.key}=${fmt(f.value, 2)}`,
        f.goal,
      ]),
    )}\n`,
  );
  // The figures first; then, for each that has a peer, both sides in its unit (`<key>_berth`, `<key>_peer`), so a
  // report can show them next to each other.
  const sides = figures
    .filter((f) => f.peer !== null)
    .map((f) => `${f.key}_berth=${fmt(f.berth, 2)} ${f.key}_peer=${fmt(f.peer ?? undefined, 2)}`);
  console.log([...figures.map((f) => `${f.key}=${fmt(f.value, 2)}`), ...sides].join(' '));
}

main().catch((error: unknown) => {
  console.error('[bench:ops] failed:', error);
  process.exit(1);
});
