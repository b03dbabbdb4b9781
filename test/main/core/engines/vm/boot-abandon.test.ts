// What the VM's log says about the guest's CPUs when a boot is abandoned, asked of a real QEMU's monitor: one
// held at the reset vector (-S) has both CPUs in the firmware's segment, the second one halted (an application
// processor waits for the first to wake it). A socket nobody answers on gives the reason instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuPositions } from '../../../../../main/core/engines/vm/boot-abandon';
import { waitUntil } from '../../../../harness/run-command';

const qemu = '/usr/bin/qemu-system-x86_64';

describe('cpuPositions', () => {
  it.skipIf(!existsSync(qemu))('reads each CPU of a QEMU held at the reset vector', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-qmp-'));
    const socket = join(dir, 'qmp.sock');
    const child = spawn(
      qemu,
      ['-S', '-nodefaults', '-nographic', '-machine', 'q35', '-accel', 'tcg', '-smp', '2', '-m', '64', '-qmp'].concat(
        `unix:${socket},server=on,wait=off`,
      ),
      { stdio: 'ignore' },
    );
    try {
      expect(await waitUntil(async () => existsSync(socket), 10_000, 50)).toBe(true);
      expect(await cpuPositions(socket)).toBe(
        'CPU#0 EIP=0000fff0 CS base=ffff0000 HLT=0; CPU#1 EIP=0000fff0 CS base=ffff0000 HLT=1',
      );
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says why when the monitor does not answer', async () => {
    expect(await cpuPositions('/nonexistent/qmp.sock')).toMatch(/^\(QEMU's monitor did not answer: .*ENOENT/);
  });
});
