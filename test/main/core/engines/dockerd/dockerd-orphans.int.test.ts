// Daemons of a Berth engine whose Berth was killed are stopped as soon as the next Berth knows the engine
// (its provider is made at start), even when that engine does not start now: nothing keeps running unknown
// to Berth. Daemons that another, live Berth runs are left alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerdProvider } from '../../../../../main/core/engines/dockerd/dockerd-provider';
import type { EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { silentLogger } from '../../../../../main/core/logger';
import { isAlive } from '../../../../harness/run-command';
import {
  layoutOf,
  leftoversOf,
  nothingLeft,
  ownedEngineDirs,
  uniqueEngineName,
  type OwnedEngineDirs,
} from './owned-engine-fixture';

let dirs: OwnedEngineDirs;
let name: string;
let layout: EngineLayout;
let other: ChildProcess | null = null;

/** Starts the engine from another Node process (tsx as a loader, so killing it kills that Berth). */
function startInAnotherBerth(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crashed-berth-fixture.ts')], {
    env: { ...dirs.env, BERTH_TEST_ENGINE: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running')) resolve(child);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`[test] the other Berth exited (${code}) before its engine ran:\n${output}`)),
    );
  });
}

beforeAll(async () => {
  dirs = await ownedEngineDirs('dockerd-orphans');
  name = uniqueEngineName('orphan');
  layout = layoutOf(name, dirs.env);
});

afterAll(async () => {
  try {
    if (other && other.exitCode === null) other.kill('SIGKILL');
    const cleanup = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
    await cleanup.start().catch((error: Error) => console.error(`[test] cleanup start failed: ${error.message}`));
    await cleanup.stop();
  } finally {
    await dirs?.cleanup();
  }
});

describe('daemons of a Berth engine at the next start', () => {
  it('are left alone while the Berth that runs them is alive, and stopped once it was killed', async () => {
    other = await startInAnotherBerth();
    const dockerd = Number((await readFile(layout.dockerdPidfile, 'utf8')).trim());
    const containerd = Number((await readFile(layout.containerdPidfile, 'utf8')).trim());

    const beside = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
    await beside.leftoverChecked();
    expect(isAlive(dockerd)).toBe(true);
    await beside.dispose();

    other.kill('SIGKILL');
    await new Promise((resolve) => other!.once('exit', resolve));
    expect(isAlive(dockerd)).toBe(true);
    const next = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
    await next.leftoverChecked();
    expect(next.state()).toBe('stopped');
    expect(isAlive(dockerd)).toBe(false);
    expect(isAlive(containerd)).toBe(false);
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
    expect(next.logs().join('\n')).toMatch(/a dockerd of a previous Berth run was still serving .* stopped it cleanly/);
  });
});
