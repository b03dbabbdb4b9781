// A Berth killed (SIGKILL) while its VM runs: QEMU, in a process group of its own, outlives it. The next
// start of Berth (a new VmProvider for the same VM, as the registry makes one for each configured VM) finds
// it through the pidfile and its command line and powers it down cleanly over QMP; nothing of the VM keeps
// running unknown to Berth. Before the pidfile, the QEMU kept running until someone killed it by hand.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../main/core/logger';
import { newVmConfig } from '../../../../../main/core/engines/vm/vm-config';
import { vmLayout } from '../../../../../main/core/engines/vm/vm-layout';
import { VmProvider } from '../../../../../main/core/engines/vm/vm-provider';
import { isAlive } from '../../../../harness/run-command';
import {
  ensureVmImage,
  IMAGE_BUILD_TIMEOUT_MS,
  killProcessesMentioning,
  processesMentioning,
  vmTestDirs,
  type VmTestDirs,
} from './vm-fixture';

const name = `killed${Math.random().toString(36).slice(2, 6)}`;
let dirs: VmTestDirs | null = null;
let killed: ChildProcess | null = null;

beforeAll(async () => {
  dirs = await vmTestDirs(await ensureVmImage());
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (killed && killed.exitCode === null) killed.kill('SIGKILL');
  if (dirs) await killProcessesMentioning(vmLayout(name, dirs.env).vmDir);
  await dirs?.cleanup();
}, 60_000);

/** Boots the VM from another Node process (tsx as a loader, so killing it kills the "Berth") and returns QEMU's pid. */
function bootInAnotherBerth(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'killed-vm-berth-fixture.ts')], {
    env: { ...env, BERTH_TEST_VM: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killed = child;
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pid = output.match(/^running (\d+)$/m)?.[1];
      if (pid) resolve(Number(pid));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`[test] the other Berth exited (${code}) before its VM ran:\n${output.slice(-4000)}`)),
    );
  });
}

describe('a VM whose Berth was killed (QEMU, software emulation)', () => {
  it('is found at the next start and powered down cleanly', { timeout: 600_000 }, async () => {
    const env = dirs!.env;
    const layout = vmLayout(name, env);
    const qemuPid = await bootInAnotherBerth(env);
    killed!.kill('SIGKILL');
    await new Promise((resolve) => killed!.once('exit', resolve));
    // QEMU outlived the Berth that started it.
    expect(isAlive(qemuPid)).toBe(true);
    expect(existsSync(layout.qemuPidfile)).toBe(true);

    const next = new VmProvider({
      config: newVmConfig({ name, cpus: 2, memoryMiB: 1024, diskGiB: 8 }),
      env,
      log: silentLogger,
    });
    await next.leftoverChecked();
    expect(isAlive(qemuPid)).toBe(false);
    expect(await processesMentioning(layout.vmDir)).toEqual([]);
    expect(existsSync(layout.qemuPidfile)).toBe(false);
    const log = next.logs().join('\n');
    expect(log).toMatch(
      new RegExp(`the QEMU of a previous Berth run \\(pid ${qemuPid}\\) still runs this VM: powering it down`),
    );
    // The guest's own power-down (its init stops the engine and syncs), not a kill.
    expect(log).toMatch(/the previous run's QEMU powered down/);
    await next.dispose();
  });
});
