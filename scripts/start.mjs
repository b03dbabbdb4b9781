#!/usr/bin/env node
// `npm start`: builds Berth when needed, then runs the Electron app where an Electron runtime exists.
// Where none exists (or none can be downloaded), it says so plainly and runs `berth serve` instead.
// `npm run serve` (this script with --serve) builds when needed and runs serve mode directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, why: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(electronDir, 'path.txt');
  const present = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!present() && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log('[start] Fetching the Electron runtime (once)...');
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 180_000 });
  }
  if (present()) return { path: join(electronDir, 'dist', readFileSync(pathFile, 'utf8')), why: null };
  return {
    path: null,
    why:
      process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1'
        ? 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set'
        : 'its download did not succeed (no network access to its host?)',
  };
}

function ensureBuilt() {
  const built = [
    'dist/main/cli.js',
    'dist/main/electron-main.js',
    'dist/preload/preload.cjs',
    'dist/renderer/index.html',
  ];
  if (built.every((file) => existsSync(join(root, file))) && !process.argv.includes('--rebuild')) return;
  console.log('[start] Building Berth...');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function launch() {
  const serveOnly = process.argv.includes('--serve');
  const forwarded = process.argv.slice(2).filter((arg) => arg !== '--rebuild' && arg !== '--serve');
  const serve = () =>
    spawn(process.execPath, [join(root, 'dist/main/cli.js'), 'serve', ...forwarded], { stdio: 'inherit' });
  if (serveOnly) return serve();
  if (process.getuid?.() === 0 && process.env.BERTH_ALLOW_ROOT !== '1') {
    // The window refuses root (main/electron/root-refusal.ts); serve mode is plain Node, and the browser
    // that opens its link runs as whoever opens it.
    console.log(
      '[start] Running as root: the Electron app refuses root (Chromium cannot sandbox it).\n' +
        '[start] Starting Berth in serve mode instead; run `npm start` as your own user for the app.',
    );
    return serve();
  }
  const electron = electronBinary();
  if (electron.path) return spawn(electron.path, [root, ...forwarded], { stdio: 'inherit' });
  console.log(
    `[start] No Electron runtime on this machine: ${electron.why}.\n` +
      '[start] Starting Berth in serve mode instead (the same app in your browser; `npm run serve` does this directly).',
  );
  return serve();
}

ensureBuilt();
const child = launch();
// Forwarded once: a Ctrl-C already reached Berth through the process group, and Berth must get the time to
// stop its engines (it ignores repeats; this wrapper must not exit before it, or the terminal returns early).
let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (forwarded) return;
    forwarded = true;
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
