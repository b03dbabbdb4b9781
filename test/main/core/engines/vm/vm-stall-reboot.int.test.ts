// A boot that hangs is abandoned and tried again, up to three boots, instead of waiting out the five-minute
// deadline: when the guest kernel reports a stalled CPU (under software emulation about 1 boot in 30 hung that
// way here), and when the guest never reaches its init (twice in CI the console stayed silent after the
// firmware's banner). QEMU is replaced by a script that prints what such a guest prints on its console
// (BERTH_QEMU), so the hang is certain; everything else — the image, its disks, the key, the provider and its
// log — is Berth's own.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../main/core/logger';
import { newVmConfig } from '../../../../../main/core/engines/vm/vm-config';
import { VmProvider } from '../../../../../main/core/engines/vm/vm-provider';
import { ensureVmImage, IMAGE_BUILD_TIMEOUT_MS, processesMentioning, vmTestDirs, type VmTestDirs } from './vm-fixture';

let dirs: VmTestDirs | null = null;

/**
 * A stand-in QEMU that prints `console` and hangs. It answers Berth's probes (`--version`, `-sandbox … -version`)
 * at once, as QEMU does, so no probe is left waiting on it. `exec -a` names the hung process like QEMU, with QEMU's
 * arguments (the VM's disks under dirs.base), so the leftover check (processesMentioning) would see it.
 */
async function hungQemu(name: string, console: string[]): Promise<string> {
  const path = join(dirs!.base, name);
  const lines = console.map((line) => `echo '${line}'`).join('\n');
  await writeFile(
    path,
    `#!/bin/bash\ncase " $* " in *" --version "*|*" -version "*) echo 'QEMU emulator version 0 (${name})'; exit 0;; esac\n${lines}\nexec -a "qemu-system-x86_64 (${name}) $*" sleep 300\n`,
  );
  await chmod(path, 0o755);
  return path;
}

/** Starts a VM named `name` on `qemu`; expects three boots, each abandoned, then the start to fail with `failure`. */
async function expectThreeBootsThenFailure(
  name: string,
  qemu: string,
  failure: RegExp,
  initDeadlineMs?: number,
): Promise<void> {
  const config = newVmConfig({ name, cpus: 2, memoryMiB: 1024, diskGiB: 2 });
  const env = { ...dirs!.env, BERTH_QEMU: qemu };
  const provider = new VmProvider({ config, env, log: silentLogger, initDeadlineMs });
  try {
    await expect(provider.start()).rejects.toThrow(failure);
    const log = provider.logs().join('\n');
    expect(log).toContain('Booting again (attempt 2 of 3)');
    expect(log).toContain('Booting again (attempt 3 of 3)');
    expect(log).not.toContain('attempt 4');
    expect(log.match(/\[vm\] QEMU started/g)).toHaveLength(3);
    // What the CPUs were doing is asked of QEMU's monitor; a stand-in has none, and the log says so.
    expect(log.match(/the guest's CPUs when this boot was abandoned: \(QEMU's monitor did not answer/g)).toHaveLength(
      3,
    );
    expect(provider.state()).not.toBe('running');
    expect(await processesMentioning(dirs!.base)).toEqual([]);
  } finally {
    await provider.dispose();
  }
}

beforeAll(async () => {
  dirs = await vmTestDirs(await ensureVmImage());
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  await dirs?.cleanup();
});

describe('a boot that hangs', () => {
  it('when the kernel reports a stalled CPU: booted again, three times in all, then fails with the kernel line, leaving no QEMU behind', async () => {
    // The console of a guest that reached its init and then hung (the RCU report comes ~21 s into the hang).
    const qemu = await hungQemu('stalled-qemu', [
      'BERTH-PHASE init 2.30',
      '[   25.130626] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
    ]);
    await expectThreeBootsThenFailure(
      'stall',
      qemu,
      /reported a stalled CPU while booting \("\[ +25\.130626\] rcu: INFO: rcu_preempt detected stalls/,
    );
  }, 120_000);

  it('when the guest never reaches its init: booted again, three times in all, then fails saying so', async () => {
    const qemu = await hungQemu('silent-qemu', [
      'SeaBIOS (version 1.16.2-debian-1.16.2-1)',
      'iPXE (http://ipxe.org) 00:03.0 C000 PCI2.10 PnP PMM+3EFCEB80+3EF0EB80 C000',
    ]);
    await expectThreeBootsThenFailure('silent', qemu, /did not reach its init within 2 s of QEMU's start/, 2_000);
  }, 120_000);
});
