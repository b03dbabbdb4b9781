// The icons `npm run icons` makes from assets/*.svg, as electron-builder and the tray use them: every file
// there, in its format, at its sizes, and current with its SVG source.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const asset = (name: string) => readFileSync(`${root}/assets/${name}`);

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the app icons', () => {
  it('has the 1024 px master and every Linux size', () => {
    expect(pngSize(asset('icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
      expect(pngSize(asset(`icons/${size}x${size}.png`))).toEqual([size, size]);
  });

  it('has a Windows .ico with every size from 16 to 256 px', () => {
    const ico = asset('icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    // A 0 in the directory entry means 256.
    const sizes = Array.from({ length: count }, (_, index) => ico[6 + 16 * index] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('has a macOS .icns whose length adds up and which holds the retina sizes up to 1024 px', () => {
    const icns = asset('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.toString('latin1', offset, offset + 4));
    // ic07…ic10: 128, 256, 512 and 1024 px; ic11…ic14: the @2x of 16, 32, 128 and 256.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']));
  });

  it('has the tray icons at 1x and 2x: the macOS template and a light and a dark variant', () => {
    for (const name of [
      'trayTemplate',
      'tray-light',
      'tray-dark',
      'trayStoppedTemplate',
      'tray-stopped-light',
      'tray-stopped-dark',
    ]) {
      expect(pngSize(asset(`tray/${name}.png`))).toEqual([16, 16]);
      expect(pngSize(asset(`tray/${name}@2x.png`))).toEqual([32, 32]);
    }
    expect(asset('tray/tray-light.png').equals(asset('tray/tray-dark.png'))).toBe(false);
  });

  it('matches its SVG sources (npm run icons -- --check)', () => {
    expect(execFileSync(process.execPath, ['scripts/make-icons.mjs', '--check'], { cwd: root }).toString()).toContain(
      'every icon matches its SVG source',
    );
  });
});
