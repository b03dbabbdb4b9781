// Finds a VM's QEMU that a previous Berth run left running (Berth was killed, or crashed past its crash
// policy) through the pidfile Berth writes when it starts QEMU (QEMU's pid, then the pid of the Berth that
// runs it), recognised by its command line (the VM's own QMP socket path, so a pid reused by another program
// is never signalled) and left alone while the Berth that started it is alive and still its parent (a `berth
// serve` beside the app sharing its settings must not power down the app's VM). It is stopped as a quit would: the
// power button over QMP (the guest stops its engine and syncs its disks), SIGTERM then SIGKILL past the
// deadline. Nothing of the VM then keeps running unknown to Berth.
import { readFile, rm } from 'node:fs/promises';
import { isAlive, listProcesses } from '../dockerd/leftovers';
import { qmpCommand } from './qmp-client';
import type { VmLayout } from './vm-layout';

export type LeftoverOutcome = 'none' | 'stale' | 'owned-by-another-berth' | 'powered-down' | 'killed';

/** What Berth writes when it starts QEMU. */
export function qemuPidfileText(qemuPid: number, berthPid: number): string {
  return `${qemuPid}\n${berthPid}\n`;
}

async function pidsFrom(pidfile: string): Promise<{ qemu: number; berth: number | null } | null> {
  let text: string;
  try {
    text = await readFile(pidfile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [qemu, berth] = text.split('\n').map((line) => Number(line.trim()));
  const valid = (pid: number | undefined): pid is number => pid !== undefined && Number.isInteger(pid) && pid > 1;
  return valid(qemu) ? { qemu, berth: valid(berth) ? berth : null } : null;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
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
export async function stopLeftoverQemu(
  layout: VmLayout,
  deadlineMs: number,
  note: (line: string) => void,
): Promise<LeftoverOutcome> {
  const pids = await pidsFrom(layout.qemuPidfile);
  if (pids === null) return 'none';
  const pid = pids.qemu;
  if (!(await isThisVmsQemu(pid, layout))) {
    await rm(layout.qemuPidfile, { force: true });
    return 'stale';
  }
  const parent = (await listProcesses()).find((entry) => entry.pid === pid)?.ppid;
  if (pids.berth !== null && pids.berth !== process.pid && parent === pids.berth && isAlive(pids.berth)) {
    note(`[vm] another Berth (pid ${pids.berth}) runs this VM: leaving it alone`);
    return 'owned-by-another-berth';
  }
  note(`[vm] the QEMU of a previous Berth run (pid ${pid}) still runs this VM: powering it down`);
  try {
    await qmpCommand(layout.qmpSocket, 'system_powerdown');
  } catch (error) {
    note(`[vm] its QMP socket did not answer (${(error as Error).message}): stopping it with SIGTERM`);
  }
  let outcome: LeftoverOutcome = 'powered-down';
  if (!(await waitGone(pid, deadlineMs))) {
    signal(pid, 'SIGTERM');
    if (!(await waitGone(pid, 5_000))) signal(pid, 'SIGKILL');
    await waitGone(pid, 5_000);
    outcome = 'killed';
    note(`[vm] it did not power down within ${deadlineMs / 1000} s: stopped it with a signal`);
  } else {
    note("[vm] the previous run's QEMU powered down");
  }
  await rm(layout.qemuPidfile, { force: true });
  await rm(layout.hostSocket, { force: true });
  return outcome;
}
