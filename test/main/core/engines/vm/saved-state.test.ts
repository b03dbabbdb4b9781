// The saved state's fingerprint: the first difference is named, QEMU's arguments compare without the SSH port
// and paths that change between starts, and a state.json that is missing, not JSON or not of the expected
// shape is a problem to discard, never a crash.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  comparableArgs,
  fingerprintDifference,
  readSavedState,
  savedStateText,
  type VmFingerprint,
} from '../../../../../main/core/engines/vm/saved-state';
import { qemuArgs, type QemuInputs } from '../../../../../main/core/engines/vm/qemu-args';
import { vmLayout } from '../../../../../main/core/engines/vm/vm-layout';

const fingerprint: VmFingerprint = {
  image: 'abc',
  qemuVersion: 'QEMU emulator version 7.2.22',
  accel: 'tcg',
  cpus: 2,
  memoryMiB: 1024,
  diskGiB: 8,
  shares: ['/home/me'],
  shareMechanism: '9p',
  args: ['-m', '1024'],
};

function inputs(run: string, sshPort: number): QemuInputs {
  return {
    arch: 'x86_64',
    accel: 'tcg',
    cpus: 2,
    memoryMiB: 1024,
    kernel: '/data/img/vmlinux',
    initrd: '/data/img/initrd',
    osDisk: '/data/vm/os.img',
    dataDisk: '/data/vm/data.img',
    authorizedKeysFile: '/data/vm/id.pub',
    sshPort,
    qmpSocket: `${run}/qmp.sock`,
    serialLog: '/data/vm/serial.log',
  };
}

describe('fingerprintDifference', () => {
  it('is null for equal fingerprints and names the first field that differs', () => {
    expect(fingerprintDifference(fingerprint, { ...fingerprint })).toBeNull();
    expect(fingerprintDifference(fingerprint, { ...fingerprint, image: 'def' })).toBe('the VM image changed');
    expect(fingerprintDifference(fingerprint, { ...fingerprint, qemuVersion: '8.0' })).toBe('the QEMU version changed');
    expect(fingerprintDifference(fingerprint, { ...fingerprint, memoryMiB: 2048 })).toBe('the memory size changed');
    expect(fingerprintDifference(fingerprint, { ...fingerprint, shares: [] })).toBe('the shared folders changed');
    expect(fingerprintDifference(fingerprint, { ...fingerprint, args: ['-m', '2048'] })).toBe("QEMU's devices changed");
  });
});

describe('comparableArgs', () => {
  it('is the same for two starts that differ only in SSH port and runtime folder, and differs for a device', () => {
    const first = comparableArgs(qemuArgs(inputs('/run/a', 40001)), 40001);
    const second = comparableArgs(qemuArgs(inputs('/tmp/b', 40555)), 40555);
    expect(second).toEqual(first);
    expect(first.join(' ')).not.toContain('40001');
    const more = comparableArgs(
      qemuArgs({ ...inputs('/run/a', 40001), shareArgs: ['-virtfs', 'local,path=/x'] }),
      40001,
    );
    expect(more).not.toEqual(first);
  });
});

describe('readSavedState', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads what a save wrote, and names the problem of a missing, broken or foreign file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bss-'));
    const layout = vmLayout('t', { BERTH_DATA_DIR: dir, BERTH_RUNTIME_DIR: join(dir, 'run') });
    const meta = { version: 1 as const, fingerprint, hostKey: { keyType: 'ssh-ed25519', key: 'AAAA' }, savedAt: 1 };
    expect(await readSavedState(layout)).toEqual({ problem: expect.stringContaining('missing') });
    await mkdir(layout.vmDir, { recursive: true });
    await writeFile(layout.savedStateMeta, savedStateText(meta));
    expect(await readSavedState(layout)).toEqual(meta);
    await writeFile(layout.savedStateMeta, '{"version":1');
    expect(await readSavedState(layout)).toEqual({ problem: expect.stringContaining('not JSON') });
    await writeFile(layout.savedStateMeta, JSON.stringify({ ...meta, version: 2 }));
    expect(await readSavedState(layout)).toEqual({ problem: expect.stringContaining('expected shape') });
  });
});
