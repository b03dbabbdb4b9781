// The suspend side of a VM's stop, for the provider: whether this stop may suspend (stop-plan.ts, with the running
// containers' bind mounts read from the engine), and the suspend itself: 9p shares unmounted in the guest, the
// state saved (vm-suspend.ts) and QEMU gone; on a failure the guest is continued so that the caller shuts it
// down the usual way.
import type Dockerode from 'dockerode';
import { execInGuest } from './guest-exec';
import { qmpCommand } from './qmp-client';
import type { ShareSession } from './share-session';
import { unmountCommand } from './shared-folders';
import { stopPlan, type StopPlan } from './stop-plan';
import type { BootedVm } from './vm-boot';
import type { VmLayout } from './vm-layout';
import { saveVm } from './vm-suspend';

const UNMOUNT_DEADLINE_MS = 15_000;
const QUIT_DEADLINE_MS = 15_000;

export async function planStop(
  suspendOnStop: boolean,
  shares: ShareSession | null,
  engine: Dockerode,
): Promise<StopPlan> {
  const folders = shares?.folders ?? [];
  if (!suspendOnStop || folders.length === 0 || shares?.mechanism === 'virtiofs')
    return stopPlan({ suspendOnStop, shares: folders, mechanism: shares?.mechanism ?? '9p', containers: [] });
  let listed: Dockerode.ContainerInfo[];
  try {
    listed = await engine.listContainers({ all: false });
  } catch (error) {
    return { suspend: false, why: `its containers could not be listed (${(error as Error).message})` };
  }
  const containers = listed.map((info) => ({
    name: info.Names[0]?.replace(/^\//, '') ?? info.Id.slice(0, 12),
    binds: (info.Mounts ?? []).filter((mount) => mount.Type === 'bind').map((mount) => mount.Source),
  }));
  return stopPlan({ suspendOnStop, shares: folders, mechanism: shares!.mechanism, containers });
}

export interface SuspendInputs {
  booted: BootedVm;
  layout: VmLayout;
  shares: ShareSession | null;
  /** Lets go of what reaches the guest (ports, host socket, SSH) once nothing more is run in it. */
  release(): Promise<void>;
  note(line: string): void;
}

/** True when the VM is saved and QEMU gone; false (after a note) when the caller must shut it down instead. */
export async function suspendVm({ booted, layout, shares, release, note }: SuspendInputs): Promise<boolean> {
  const started = Date.now();
  const folders = shares?.folders ?? [];
  // The guest's dirty pages written out first: should this state ever be discarded, the disk is as of now (a
  // cold boot then finds what a sudden power cut would leave, minus what sync wrote).
  const command = [...(folders.length > 0 ? [unmountCommand(folders)] : []), 'sync'].join(' && ');
  const result = await execInGuest(await booted.tunnel.liveClient(), command, UNMOUNT_DEADLINE_MS)
    .then((output) => (output.code === 0 ? null : output.stderr || `exit code ${output.code}`))
    .catch((error: Error) => error.message);
  if (result !== null) {
    note(`[vm] could not prepare the guest to be saved (${result}): shutting down instead`);
    return false;
  }
  await release();
  try {
    const { bytes } = await saveVm({
      layout,
      qemu: booted.qemu,
      zstd: booted.zstd,
      meta: { version: 1, fingerprint: booted.fingerprint, hostKey: booted.hostKey },
    });
    const timer = setTimeout(() => void booted.qemu.kill(), QUIT_DEADLINE_MS);
    await booted.qemu.exited;
    clearTimeout(timer);
    note(
      `[vm] suspended in ${((Date.now() - started) / 1000).toFixed(1)} s: state ${(bytes / 1024 ** 2).toFixed(0)} MiB in ${layout.savedState}`,
    );
    return true;
  } catch (error) {
    note(`[vm] could not save the VM's state (${(error as Error).message}): shutting down instead`);
    await qmpCommand(layout.qmpSocket, 'cont').catch((failed: Error) =>
      note(`[vm] could not continue the guest after the failed save: ${failed.message}`),
    );
    return false;
  }
}
