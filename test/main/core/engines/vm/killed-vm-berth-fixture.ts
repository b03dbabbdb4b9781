// Run by vm-leftover.int.test.ts as its own Node process: boots the VM named by BERTH_TEST_VM with this
// environment, prints `running <QEMU pid>`, and waits to be killed (SIGKILL) like a crashing Berth.
import { consoleLogger } from '../../../../../main/core/logger';
import { newVmConfig } from '../../../../../main/core/engines/vm/vm-config';
import { VmProvider } from '../../../../../main/core/engines/vm/vm-provider';

const provider = new VmProvider({
  config: newVmConfig({ name: process.env.BERTH_TEST_VM ?? 'killed', cpus: 2, memoryMiB: 1024, diskGiB: 8 }),
  env: process.env,
  log: consoleLogger,
});
provider.start().then(
  () => process.stdout.write(`running ${provider.qemuPid()}\n`),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
