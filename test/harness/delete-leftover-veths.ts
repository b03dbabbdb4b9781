// A one-off cleanup, run by hand as root, for machines where test engines leaked veth pairs before destroy()
// deleted them: `npx tsx test/harness/delete-leftover-veths.ts [--dry-run]`. What it may delete, and why
// nothing in use qualifies, is in leftoverTestVeths (leaked-veths.ts). Not part of any test or CI run.
import { deleteLeftoverTestVeths } from './leaked-veths';

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const leftovers = await deleteLeftoverTestVeths(dryRun);
  const subnets = new Set(leftovers.map((pair) => pair.mac.slice(0, 14)));
  console.info(
    `${dryRun ? 'would delete' : 'deleted'} ${leftovers.length} leaked veth pair(s) of ${subnets.size} test subnet(s)`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
