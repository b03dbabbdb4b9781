// Resuming a suspended VM instead of booting it: the saved state is checked against the machine about to start
// (a difference, or a state that cannot be read, is discarded with a note and the VM boots cold), loaded into a
// QEMU waiting for it, continued; then the guest's clock is set from the host's and the engine answers over a
// new SSH connection (QEMU forwards a new port, for which the saved host key is pinned). The state is deleted
// after every attempt, so a state is never resumed twice.
import type { SshTunnel } from '../ssh/ssh-tunnel';
import { setGuestClock } from './guest-clock';
import type { QemuProcess } from './qemu-process';
import type { Accelerator } from './qemu-args';
import { discardSavedState, fingerprintDifference, readSavedState, type VmFingerprint } from './saved-state';
import type { BootedVm, BootPhase } from './vm-boot';
import type { VmLayout } from './vm-layout';
import { pinHostKey, vmTunnel } from './vm-ssh-access';
import { incomingArgs, loadVm } from './vm-suspend';
import { rm } from 'node:fs/promises';

/** A resumed guest's engine is already running: it answers within seconds or something is wrong. */
const RESUMED_READY_DEADLINE_MS = 60_000;
const PING_RETRY_MS = 50;

export interface ResumeContext {
  layout: VmLayout;
  env: NodeJS.ProcessEnv;
  note(line: string): void;
  phase(phase: BootPhase): void;
  ping(tunnel: SshTunnel): Promise<void>;
  zstd: string;
  sshPort: number;
  accel: Accelerator;
  /** The fingerprint of the machine about to start. */
  fingerprint(): Promise<VmFingerprint>;
  /** Starts QEMU with the machine's arguments plus `extraArgs`. */
  spawn(extraArgs: string[]): Promise<QemuProcess>;
}

/** The resumed VM, or null (after a note saying why) when the VM must boot cold. */
export async function tryResume(context: ResumeContext): Promise<BootedVm | null> {
  const { layout, note } = context;
  let qemu: QemuProcess | null = null;
  try {
    // QEMU starts while the state's description is checked: its start-up is the longer of the two.
    await rm(layout.loadSocket, { force: true });
    qemu = await context.spawn(incomingArgs(layout));
    const [saved, current] = await Promise.all([readSavedState(layout), context.fingerprint()]);
    const why = 'problem' in saved ? saved.problem : fingerprintDifference(saved.fingerprint, current);
    if ('problem' in saved || why) {
      await qemu.kill();
      note(`[vm] saved state discarded: ${why}; booting`);
      return null;
    }
    return await resume(context, qemu, saved.hostKey, current);
  } catch (error) {
    await qemu?.kill();
    note(`[vm] saved state discarded: the resume failed (${(error as Error).message}); booting`);
    return null;
  } finally {
    await discardSavedState(layout);
  }
}

async function resume(
  context: ResumeContext,
  qemu: QemuProcess,
  hostKey: BootedVm['hostKey'],
  fingerprint: VmFingerprint,
): Promise<BootedVm> {
  const { layout, env, note, sshPort } = context;
  context.phase({ phase: 'qemu', atMs: 0 });
  note(`[vm] QEMU started to resume the saved state (pid ${qemu.pid}, SSH on 127.0.0.1:${sshPort})`);
  const tunnel = vmTunnel(layout, env, sshPort, note);
  try {
    await Promise.all([loadVm(layout, qemu, context.zstd), pinHostKey(layout, sshPort, hostKey)]);
    context.phase({ phase: 'resumed', atMs: Date.now() - qemu.startedAt });
    const ssh = await tunnel.liveClient();
    context.phase({ phase: 'ssh', atMs: Date.now() - qemu.startedAt });
    const [clock] = await Promise.all([setGuestClock(ssh), waitForEngine(context, qemu, tunnel)]);
    note(`[vm] guest clock set from the host's (now ${clock.errorMs} ms off)`);
    context.phase({ phase: 'ready', atMs: Date.now() - qemu.startedAt });
    return { qemu, sshPort, tunnel, accel: context.accel, fingerprint, hostKey, zstd: context.zstd, resumed: true };
  } catch (error) {
    tunnel.dispose();
    throw error;
  }
}

async function waitForEngine(context: ResumeContext, qemu: QemuProcess, tunnel: SshTunnel): Promise<void> {
  const deadline = Date.now() + RESUMED_READY_DEADLINE_MS;
  for (;;) {
    try {
      await context.ping(tunnel);
      return;
    } catch (error) {
      if (!qemu.running || Date.now() > deadline)
        throw new Error(`the engine did not answer after the resume: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, PING_RETRY_MS));
    }
  }
}
