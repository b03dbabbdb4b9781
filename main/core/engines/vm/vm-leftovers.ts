// Finds a VM's QEMU that a previous Berth run left running (Berth was killed, or crashed past its crash
// policy) through the pidfile Berth writes when it starts QEMU, recognised by its command line (the VM's own
// QMP socket path, so a pid reused by another program is never signalled), and stops it as a quit would: the
// power button over QMP (the guest stops its engine and syncs its disks), SIGTERM then SIGKILL past the
// deadline. Nothing of the VM then keeps running unknown to Berth.
import { readFile, rm } from 'node:fs/promises';
import { isAlive, stopFromPidfile } from '../dockerd/leftovers';
import { qmpCommand } from './qmp-client';
import type { VmLayout } from './vm-layout';

export type LeftoverOutcome = 'none' | 'stale' | 'powered-down' | 'killed';

async function pidFrom(pidfile: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(pidfile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function isThisVmsQemu(pid: number, layout: VmLayout): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').some((arg) => arg.includes(layout.qmpSocket));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

/** Stops the QEMU a previous run left for this VM; `note` gets a line for what it did. */
export async function stopLeftoverQemu(layout: VmLayout, deadlineMs: number, note: (line: string) => void): Promise<LeftoverOutcome> {
  const pid = await pidFrom(layout.qemuPidfile);
  if (pid === null) return 'none';
  if (!(await isThisVmsQemu(pid, layout))) {
    await rm(layout.qemuPidfile, { force: true });
    return 'stale';
  }
  note(`[vm] the QEMU of a previous Berth run (pid ${pid}) still runs this VM: powering it down`);
  try {
    await qmpCommand(layout.qmpSocket, 'system_powerdown');
  } catch (error) {
    note(`[vm] its QMP socket did not answer (${(error as Error).message}): stopping it with SIGTERM`);
  }
  let outcome: LeftoverOutcome = 'powered-down';
  if (!(await waitGone(pid, deadlineMs))) {
    const stopped = await stopFromPidfile(layout.qemuPidfile, layout.qmpSocket, 5_000);
    outcome = 'killed';
    note(`[vm] it did not power down within ${deadlineMs / 1000} s: ${stopped === 'killed' ? 'killed' : 'terminated'}`);
  } else {
    note('[vm] the previous run\'s QEMU powered down');
  }
  await rm(layout.qemuPidfile, { force: true });
  await rm(layout.hostSocket, { force: true });
  return outcome;
}
