// dockerode's BuildKit session module, deferred: not loaded with dockerode, loaded on its first call, and left
// alone when dockerode is missing or has loaded it already. Over a stand-in dockerode in a temporary folder, so
// the real one's module cache is never touched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferDockerodeSession } from '../../../../main/core/connection/defer-dockerode-session';

let root: string;
/** What the stand-in session module records when it loads and when it is called. */
let log: string[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'berth-defer-session-'));
  const lib = join(root, 'node_modules', 'dockerode', 'lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(root, 'node_modules', 'dockerode', 'package.json'), '{"name":"dockerode","main":"./lib/docker"}');
  writeFileSync(join(lib, 'docker.js'), 'const withSession = require("./session"); module.exports = { withSession };');
  writeFileSync(
    join(lib, 'session.js'),
    'globalThis.berthSessionLog.push("loaded"); module.exports = function (a) { globalThis.berthSessionLog.push("called " + a); return a * 2; };',
  );
  log = [];
  (globalThis as { berthSessionLog?: string[] }).berthSessionLog = log;
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete (globalThis as { berthSessionLog?: string[] }).berthSessionLog;
});

describe('deferDockerodeSession', () => {
  it('keeps the session module from loading with dockerode, and loads it on the first call', () => {
    const load = createRequire(join(root, 'index.js'));
    expect(deferDockerodeSession(load)).toBe(true);
    const dockerode = load('dockerode') as { withSession: (a: number) => number };
    expect(log).toEqual([]);
    expect(dockerode.withSession(21)).toBe(42);
    expect(dockerode.withSession(1)).toBe(2);
    expect(log).toEqual(['loaded', 'called 21', 'called 1']);
  });

  it('does nothing when the session module has loaded already', () => {
    const load = createRequire(join(root, 'index.js'));
    load('dockerode');
    expect(log).toEqual(['loaded']);
    expect(deferDockerodeSession(load)).toBe(false);
  });

  it('does nothing when there is no dockerode to find', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'berth-defer-none-'));
    try {
      expect(deferDockerodeSession(createRequire(join(elsewhere, 'index.js')))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
