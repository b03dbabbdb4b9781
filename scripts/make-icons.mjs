#!/usr/bin/env node
// `npm run icons`: every icon the app and its installers need, from the two SVG sources in assets/:
// icon.svg → icon.png (1024), icons/<N>x<N>.png (Linux), icon.icns (macOS), icon.ico (Windows);
// tray.svg → tray/trayTemplate.png and @2x (macOS menu bar template), tray/tray-light.png and -dark.png and
// their @2x (Linux and Windows panels, dark glyph for light panels and the reverse), and each of them faded as
// tray-stopped… for an engine that is not running. The outputs are
// committed, so packaging needs no rasteriser; `npm run icons -- --check` says whether they are current.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

function outputs() {
  const icon = readFileSync(join(assets, 'icon.svg'), 'utf8');
  const tray = readFileSync(join(assets, 'tray.svg'), 'utf8');
  const trayWhite = tray.replaceAll('#000', '#fff');
  const faded = (svg) => svg.replace('<g ', '<g opacity="0.45" ');
  const master = render(icon, 1024);
  const files = new Map([['icon.png', master]]);
  for (const size of linuxSizes) files.set(`icons/${size}x${size}.png`, render(icon, size));
  // BICUBIC keeps edges crisp from the 1024 master; icns and ico embed PNGs of every size they define.
  files.set('icon.icns', png2icons.createICNS(master, png2icons.BICUBIC, 0));
  files.set('icon.ico', png2icons.createICO(master, png2icons.BICUBIC, 0, false, true));
  for (const [name, svg] of [
    ['trayTemplate', tray],
    ['tray-light', tray],
    ['tray-dark', trayWhite],
    ['trayStoppedTemplate', faded(tray)],
    ['tray-stopped-light', faded(tray)],
    ['tray-stopped-dark', faded(trayWhite)],
  ]) {
    files.set(`tray/${name}.png`, render(svg, 16));
    files.set(`tray/${name}@2x.png`, render(svg, 32));
  }
  return files;
}

const check = process.argv.includes('--check');
const stale = [];
for (const [name, bytes] of outputs()) {
  const path = join(assets, name);
  if (check) {
    if (!existsSync(path) || !readFileSync(path).equals(bytes)) stale.push(name);
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
if (check && stale.length > 0) {
  console.error(`[icons] out of date with assets/*.svg: ${stale.join(', ')}; run npm run icons`);
  process.exit(1);
}
console.log(check ? '[icons] every icon matches its SVG source' : `[icons] wrote the icons into ${assets}`);
