// The leftover-QEMU rules on real processes (a shell stands in for QEMU, its command line carrying the VM's
// QMP socket path as QEMU's does): left alone while the Berth that started it is alive and its parent;
// stopped once that Berth is gone (its QEMU orphaned); a pidfile naming an unrelated process is only removed.
// vm-leftover.int.test.ts does the same with a real VM and a real power-down.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive } from '../../../../../main/core/engines/dockerd/leftovers';
import { qemuPidfileText, stopLeftoverQemu } from '../../../../../main/core/engines/vm/vm-leftovers';
import { vmLayout, type VmLayout } from '../../../../../main/core/engines/vm/vm-layout';

let base: string;
let layout: VmLayout;
const started: number[] = [];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'bvl-'));
  layout = vmLayout('x', { BERTH_RUNTIME_DIR: base, BERTH_DATA_DIR: base });
  await mkdir(layout.runtimeDir);
});
afterEach(async () => {
  for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(base, { recursive: true, force: true });
});

/** A "Berth" (outer shell) running a "QEMU" (inner shell whose arguments name the QMP socket); both pids. */
async function berthWithQemu(): Promise<{ berth: number; qemu: number }> {
  const outer = spawn('sh', ['-c', `sh -c 'sleep 60; :' ${layout.qmpSocket} & echo $!; wait`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const qemu = await new Promise<number>((resolve) =>
    outer.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  started.push(outer.pid!, qemu);
  // `$!` is known at fork, before the child has exec'd its own command line: wait for it, as a real QEMU's
  // pidfile is written only once QEMU runs.
  const deadline = Date.now() + 5000;
  while (!(await execd(qemu)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return { berth: outer.pid!, qemu };
}

async function execd(pid: number): Promise<boolean> {
  try {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return args[2] === 'sleep 60; :' && args[3] === layout.qmpSocket;
  } catch {
    return false; // not readable yet: try again
  }
}

describe('stopLeftoverQemu', () => {
  it('leaves a QEMU alone while the Berth that started it runs it', async () => {
    const { berth, qemu } = await berthWithQemu();
    await writeFile(layout.qemuPidfile, qemuPidfileText(qemu, berth));
    const lines: string[] = [];
    expect(await stopLeftoverQemu(layout, 500, (line) => lines.push(line))).toBe('owned-by-another-berth');
    expect(isAlive(qemu)).toBe(true);
    expect(lines.join('\n')).toMatch(new RegExp(`another Berth \\(pid ${berth}\\) runs this VM`));
  });

  it('stops the QEMU of a Berth that was killed, with a signal when QMP does not answer', async () => {
    const { berth, qemu } = await berthWithQemu();
    await writeFile(layout.qemuPidfile, qemuPidfileText(qemu, berth));
    process.kill(berth, 'SIGKILL');
    const lines: string[] = [];
    expect(await stopLeftoverQemu(layout, 500, (line) => lines.push(line))).toBe('killed');
    expect(isAlive(qemu)).toBe(false);
    expect(existsSync(layout.qemuPidfile)).toBe(false);
    expect(lines.join('\n')).toMatch(
      new RegExp(`the QEMU of a previous Berth run \\(pid ${qemu}\\) still runs this VM`),
    );
  });

  it("only removes a pidfile whose pid is not this VM's QEMU (a reused pid)", async () => {
    await writeFile(layout.qemuPidfile, qemuPidfileText(process.pid, 1));
    expect(await stopLeftoverQemu(layout, 500, () => undefined)).toBe('stale');
    expect(existsSync(layout.qemuPidfile)).toBe(false);
    expect(await stopLeftoverQemu(layout, 500, () => undefined)).toBe('none');
  });
});
