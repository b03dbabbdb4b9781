// Which accelerator a VM boots with. The platform's own (kvm, hvf, whpx) is not trusted blindly: a nested
// /dev/kvm without hardware virtualization boots slower than software emulation, so each candidate is probed
// with a boot deadline (time until the guest's `init` phase) and the fastest is remembered per machine.
// `BERTH_VM_ACCEL` forces one (tests use tcg).
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import type { Accelerator } from './qemu-args';

const accelerators: Accelerator[] = ['kvm', 'hvf', 'whpx', 'tcg'];

export interface ProbeResult {
  accel: Accelerator;
  /** Host ms from QEMU's start to the `init` phase; null when it missed the deadline or QEMU refused it. */
  initMs: number | null;
}

export interface RememberedAccelerator {
  accel: Accelerator;
  probes: ProbeResult[];
  /** Which QEMU binary and host the probe ran on: a change of either probes again. */
  machine: string;
}

export function forcedAccelerator(env: NodeJS.ProcessEnv): Accelerator | null {
  const value = env.BERTH_VM_ACCEL;
  return value && (accelerators as string[]).includes(value) ? (value as Accelerator) : null;
}

/** The hardware accelerator worth probing on this platform (first), then software emulation. */
export function acceleratorCandidates(platform: NodeJS.Platform, kvmUsable: boolean): Accelerator[] {
  if (platform === 'linux') return kvmUsable ? ['kvm', 'tcg'] : ['tcg'];
  if (platform === 'darwin') return ['hvf', 'tcg'];
  if (platform === 'win32') return ['whpx', 'tcg'];
  return ['tcg'];
}

/** The fastest candidate that reached `init` in time; tcg when none did (it always works, only slowly). */
export function chooseAccelerator(probes: ProbeResult[]): Accelerator {
  const reached = probes.filter((probe): probe is ProbeResult & { initMs: number } => probe.initMs !== null);
  reached.sort((a, b) => a.initMs - b.initMs);
  return reached[0]?.accel ?? 'tcg';
}

export async function kvmUsable(device = '/dev/kvm'): Promise<boolean> {
  try {
    await access(device, constants.R_OK | constants.W_OK);
    return true;
  } catch (error) {
    // Missing or not ours (not in the kvm group): software emulation it is.
    return (error as NodeJS.ErrnoException).code === undefined;
  }
}

export async function readRememberedAccelerator(file: string, machine: string): Promise<Accelerator | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const saved = JSON.parse(text) as Partial<RememberedAccelerator>;
  return saved.machine === machine && saved.accel && accelerators.includes(saved.accel) ? saved.accel : null;
}

export async function rememberAccelerator(file: string, remembered: RememberedAccelerator): Promise<void> {
  await writeFile(file, `${JSON.stringify(remembered, null, 2)}\n`);
}
