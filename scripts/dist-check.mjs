#!/usr/bin/env node
// `npm run dist:check`: what the packaged app would be, checked where no Electron binary can be downloaded.
// It validates electron-builder.yml against electron-builder's schema, then lets electron-builder package a
// Linux directory build around a stand-in Electron distribution (a script carrying Electron's fuse wire, so
// the configured fuses are really flipped), and checks the result: the files app.asar holds (what must be
// there, what must not), and every fuse as configured. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const asar = require('@electron/asar');
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const problems = [];
const say = (line) => console.log(`[dist:check] ${line}`);

// 1. The configuration against electron-builder's own JSON schema (it throws with every mistake named).
await validateConfiguration(config, { isEnabled: false, add: () => undefined });
say('electron-builder.yml is valid against electron-builder’s schema');

// 2. A stand-in Electron: a script with the fuse wire Electron's binary carries (sentinel, version 1, the
//    wire's length, one byte per fuse), every fuse at Electron's own default, so flipping is observable.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electronDefaults = '10110001'; // RunAsNode on, cookies plain, NODE_OPTIONS on, inspect on, no asar checks, …
const work = mkdtempSync(join(tmpdir(), 'berth-dist-check-'));
try {
  const standIn = join(work, 'electron-dist');
  mkdirSync(standIn);
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  writeFileSync(
    join(standIn, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron for dist:check"\nexit 0\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, electronDefaults.length]),
      Buffer.from(electronDefaults),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(join(standIn, 'electron'), 0o755);
  writeFileSync(join(standIn, 'version'), version);
  const output = join(work, 'out');
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.electronVersion=${version}`,
      `-c.directories.output=${output}`,
      // Native modules are rebuilt against Electron's headers in a real release; nothing here needs them.
      '-c.npmRebuild=false',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
  );
  const appDir = join(output, 'linux-unpacked');
  const archive = join(appDir, 'resources', 'app.asar');

  // 3. What the app holds.
  const files = asar.listPackage(archive).map((file) => file.replaceAll('\\', '/'));
  const has = (file) => files.includes(file);
  for (const file of [
    '/package.json',
    '/dist/main/electron-main.js',
    '/dist/main/cli.js',
    '/dist/preload/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/load-guard.js',
  ])
    if (!has(file)) problems.push(`${file} is missing from app.asar`);
  for (const runtime of ['dockerode', 'ssh2', 'ws', 'zod', 'tar-stream', 'tar-fs', '@balena/dockerignore'])
    if (!has(`/node_modules/${runtime}/package.json`)) problems.push(`the core's dependency ${runtime} is missing`);
  const forbidden = [
    [/\.map$/, 'source maps'],
    [/^\/(main|preload|renderer|test|bench|scripts|assets)\//, 'sources, tests or build inputs'],
    [/^\/dist\/vm\//, 'the VM image (it ships as extraResources)'],
    [/^\/node_modules\/(electron|electron-builder|vitest|playwright-core|typescript|vite)\//, 'build and test tools'],
    [/^\/node_modules\/(react|react-dom|recharts|@xterm\/xterm)\//, 'renderer libraries (bundled into dist/renderer)'],
  ];
  for (const [pattern, what] of forbidden) {
    const found = files.filter((file) => pattern.test(file));
    if (found.length > 0)
      problems.push(`${what} in app.asar: ${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}`);
  }
  const packages = new Set(
    files
      .filter((file) =>
        /^\/node_modules\/[^/]+\/package\.json$|^\/node_modules\/@[^/]+\/[^/]+\/package\.json$/.test(file),
      )
      .map((file) => file.slice('/node_modules/'.length, -'/package.json'.length)),
  );
  say(
    `app.asar: ${files.length} entries, ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MiB, ${packages.size} top-level packages: ${[...packages].sort().join(' ')}`,
  );
  for (const image of ['trayTemplate.png', 'tray-light.png', 'tray-dark.png', 'tray-stopped-light.png'])
    if (!existsSync(join(appDir, 'resources', 'tray', image))) problems.push(`resources/tray/${image} is missing`);
  // The privileged helper and the engine installer ship as they are in the repository, executable, each with its
  // own polkit action (issue 17).
  for (const [script, policy] of [
    ['berth-engine-helper', 'dev.berth.engine-helper.policy'],
    ['berth-engine-install', 'dev.berth.engine-install.policy'],
  ]) {
    const path = join(appDir, 'resources', 'helper', script);
    if (!existsSync(path)) problems.push(`resources/helper/${script} is missing`);
    else if ((statSync(path).mode & 0o111) === 0) problems.push(`resources/helper/${script} is not executable`);
    if (!existsSync(join(appDir, 'resources', 'polkit', policy)))
      problems.push(`resources/polkit/${policy} is missing`);
  }
  const vm = join(appDir, 'resources', 'vm');
  say(
    existsSync(vm)
      ? 'resources/vm holds the staged VM image'
      : 'resources/vm is absent: no VM image staged here (npm run vm:image, then scripts/stage-vm-image.sh)',
  );

  // 4. The fuses, read back from the packaged binary.
  const binary = join(appDir, config.executableName ?? JSON.parse(readFileSync(join(root, 'package.json'))).name);
  const wire = await getCurrentFuseWire(binary);
  const expected = {
    RunAsNode: config.electronFuses.runAsNode,
    EnableCookieEncryption: config.electronFuses.enableCookieEncryption,
    EnableNodeOptionsEnvironmentVariable: config.electronFuses.enableNodeOptionsEnvironmentVariable,
    EnableNodeCliInspectArguments: config.electronFuses.enableNodeCliInspectArguments,
    EnableEmbeddedAsarIntegrityValidation: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
    OnlyLoadAppFromAsar: config.electronFuses.onlyLoadAppFromAsar,
    LoadBrowserProcessSpecificV8Snapshot: config.electronFuses.loadBrowserProcessSpecificV8Snapshot,
    GrantFileProtocolExtraPrivileges: config.electronFuses.grantFileProtocolExtraPrivileges,
  };
  const required = {
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
  };
  Object.assign(required, { GrantFileProtocolExtraPrivileges: false, OnlyLoadAppFromAsar: true });
  Object.assign(required, { EnableEmbeddedAsarIntegrityValidation: true });
  for (const [name, want] of Object.entries(required))
    if (expected[name] !== want) problems.push(`electron-builder.yml must set the ${name} fuse to ${want}`);
  const shown = [];
  for (const [name, want] of Object.entries(expected)) {
    const state = wire[FuseV1Options[name]];
    const actual = state === 49 ? true : state === 48 ? false : null;
    shown.push(`${name}=${actual === null ? '?' : actual ? 'on' : 'off'}`);
    if (actual !== want)
      problems.push(
        `the packaged binary has the ${name} fuse ${actual ? 'on' : 'off'}, configured ${want ? 'on' : 'off'}`,
      );
  }
  say(`fuses in the packaged binary: ${shown.join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`[dist:check] ✗ ${problem}`);
  process.exit(1);
}
say('the package is as configured');
