// Run by dockerd-previous-run.int.test.ts as its own Node process: starts Berth's engine named by
// BERTH_TEST_ENGINE with this environment, prints `running`, and waits to be killed like a crashing Berth.
import { DockerdProvider } from '../../../../../main/core/engines/dockerd/dockerd-provider';
import { consoleLogger } from '../../../../../main/core/logger';

const provider = new DockerdProvider({
  name: process.env.BERTH_TEST_ENGINE ?? 'crash',
  env: process.env,
  log: consoleLogger,
});
provider.start().then(
  () => process.stdout.write('running\n'),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
