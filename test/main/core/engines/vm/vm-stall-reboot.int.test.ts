// A boot whose guest kernel reports a stalled CPU is abandoned and tried again, up to three boots, instead of
// waiting out the five-minute deadline (under software emulation about 1 boot in 30 hung that way here). QEMU is
// replaced by a script that prints what a hung guest prints on its console (BERTH_QEMU), so the hang is certain;
// everything else — the image, its disks, the key, the provider and its log — is Berth's own.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../main/core/logger';
import { newVmConfig } from '../../../../../main/core/engines/vm/vm-config';
import { VmProvider } from '../../../../../main/core/engines/vm/vm-provider';
import { ensureVmImage, IMAGE_BUILD_TIMEOUT_MS, processesMentioning, vmTestDirs, type VmTestDirs } from './vm-fixture';

let dirs: VmTestDirs | null = null;
let fakeQemu = '';

beforeAll(async () => {
  dirs = await vmTestDirs(await ensureVmImage());
  fakeQemu = join(dirs.base, 'hung-qemu');
  // The console of a guest that reached its init and then hung (the RCU report comes ~21 s into the hang).
  // `exec -a` keeps QEMU's arguments (the VM's disks under dirs.base) in the hung process's command line, so the
  // leftover check below sees it.
  await writeFile(
    fakeQemu,
    `#!/bin/bash\necho 'BERTH-PHASE init 2.30'\necho '[   25.130626] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:'\nexec -a "hung-qemu $*" sleep 300\n`,
  );
  await chmod(fakeQemu, 0o755);
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  await dirs?.cleanup();
});

describe('a guest that reports a stalled CPU while booting', () => {
  it('is booted again, three times in all, then the start fails with the kernel line, leaving no QEMU behind', async () => {
    const config = newVmConfig({ name: 'stall', cpus: 2, memoryMiB: 1024, diskGiB: 2 });
    const vm = new VmProvider({ config, env: { ...dirs!.env, BERTH_QEMU: fakeQemu }, log: silentLogger });
    try {
      await expect(vm.start()).rejects.toThrow(
        /reported a stalled CPU while booting \("\[ +25\.130626\] rcu: INFO: rcu_preempt detected stalls/,
      );
      const log = vm.logs().join('\n');
      expect(log).toContain('Booting again (attempt 2 of 3)');
      expect(log).toContain('Booting again (attempt 3 of 3)');
      expect(log).not.toContain('attempt 4');
      expect(log.match(/\[vm\] QEMU started/g)).toHaveLength(3);
      expect(vm.state()).not.toBe('running');
      expect(await processesMentioning(dirs!.base)).toEqual([]);
    } finally {
      await vm.dispose();
    }
  }, 120_000);
});
