// Why a boot is abandoned and another one started, rather than the user waiting out the five-minute deadline
// for an error: the guest kernel reported a stalled CPU, or the guest never reached its init. Under software
// emulation here a guest hung now and then in either way, and the next boot was fine. What the guest's CPUs
// were doing when a boot was abandoned goes to the VM's log, so a hang that recurs can be told apart
// (firmware, kernel, halted or spinning).
import { BerthError } from '../../../shared/errors';
import { monitorCommand } from './qmp-client';

/** A boot given up for a cause another boot may not meet. */
export class BootAbandoned extends BerthError {}

/** The guest kernel reported a stalled CPU while booting (RCU stall detector, soft-lockup watchdog). */
export function stalledCpu(line: string): BootAbandoned {
  return new BootAbandoned(
    'ENGINE_UNREACHABLE',
    `The VM's kernel reported a stalled CPU while booting ("${line}"). See the VM's log for the console's last lines.`,
  );
}

/** The guest's init said nothing within `deadlineMs` of QEMU's start (it says so within seconds when all is well). */
export function noInit(deadlineMs: number): BootAbandoned {
  return new BootAbandoned(
    'ENGINE_UNREACHABLE',
    `The VM's guest did not reach its init within ${deadlineMs / 1000} s of QEMU's start. See the VM's log for the console's last lines.`,
  );
}

/**
 * Each virtual CPU's instruction pointer, code segment base and halt flag, from the monitor's `info registers -a`:
 * "CPU#0 RIP=ffffffff81c0ce8e CS base=0000000000000000 HLT=1; CPU#1 …". An EIP in a segment below 1 MiB (or at
 * ffff0000, the reset vector's) is the firmware's, a RIP of ffffffff8… the kernel's.
 * Registers the monitor does not show (another architecture) leave its first line; a failure says why.
 */
export async function cpuPositions(qmpSocket: string): Promise<string> {
  let text: string;
  try {
    text = await monitorCommand(qmpSocket, 'info registers -a', 2_000);
  } catch (error) {
    return `(QEMU's monitor did not answer: ${(error as Error).message})`;
  }
  // 64-bit mode prints RIP, real and protected mode EIP (the firmware's, with its code segment's base in CS).
  const cpus = [...text.matchAll(/CPU#(\d+)\s[\s\S]*?\b([RE]IP=[0-9a-f]+)[^\n]*?(HLT=\d)[\s\S]*?\bCS =\S+ (\S+)/g)].map(
    ([, cpu, ip, halted, csBase]) => `CPU#${cpu} ${ip} CS base=${csBase} ${halted}`,
  );
  return cpus.length > 0 ? cpus.join('; ') : text.split('\n')[0].slice(0, 200);
}
